package io.github.stealwatch.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail through a STARTTLS relay whose certificate a private CA signed: trusted with that CA's file,
 * refused in one readable line without it, with another CA's, or for a certificate of another name.
 */
class CaCertificatesTest {

    private static final Report REPORT = new Report("Steal time jumped! on web-7", "the table\n");
    private static final Envelope ENVELOPE = new Envelope("stealwatch@web-7", "ops@example.org");

    @TempDir
    static Path temp;

    private static TestCertificates forLoopback;
    private static TestCertificates otherCa;
    private static StartTlsRelay relay;

    @BeforeAll
    static void relayWithAPrivateCa() throws Exception {
        forLoopback = TestCertificates.make(temp.resolve("loopback"), "Example Private CA", "ip:127.0.0.1");
        otherCa = TestCertificates.make(temp.resolve("other"), "Another CA", "ip:127.0.0.1");
        relay = new StartTlsRelay(forLoopback);
    }

    @AfterAll
    static void stop() throws Exception {
        relay.close();
    }

    @Test
    void withTheRelaysCaTheReportGoesThroughStartTls() throws Exception {
        int before = relay.received().length;

        new SmtpSender(settings(relay.port(), forLoopback.caPem()), ENVELOPE).send(REPORT);

        assertEquals(before + 1, relay.received().length);
        assertEquals("Steal time jumped! on web-7", relay.received()[before].getSubject());
    }

    @Test
    void withoutACaFileTheJvmsTrustRefusesItInOneLine() {
        DeliveryException error = assertThrows(DeliveryException.class,
                () -> new SmtpSender(settings(relay.port(), null), ENVELOPE).send(REPORT));

        assertEquals("the relay's certificate is not trusted (PKIX): give its CA with --smtp-ca-file",
                error.getMessage());
    }

    @Test
    void anotherCasFileDoesNotMakeItTrusted() {
        DeliveryException error = assertThrows(DeliveryException.class,
                () -> new SmtpSender(settings(relay.port(), otherCa.caPem()), ENVELOPE).send(REPORT));

        assertEquals("the relay's certificate does not chain to a CA in --smtp-ca-file " + otherCa.caPem()
                + " (PKIX)", error.getMessage());
    }

    @Test
    void aCertificateForAnotherNameIsRefusedEvenFromTheTrustedCa() throws Exception {
        TestCertificates otherName = TestCertificates.make(temp.resolve("other-name"), "Name CA", "dns:mail.example.org");
        try (StartTlsRelay impostor = new StartTlsRelay(otherName)) {
            DeliveryException error = assertThrows(DeliveryException.class,
                    () -> new SmtpSender(settings(impostor.port(), otherName.caPem()), ENVELOPE).send(REPORT));

            assertEquals("the relay's certificate does not name 127.0.0.1 (No subject alternative names matching "
                    + "IP address 127.0.0.1 found)", error.getMessage());
            assertEquals(0, impostor.received().length);
        }
    }

    @Test
    void anExpiredCertificateIsSaidToBeOneEvenFromTheTrustedCa() throws Exception {
        TestCertificates expired = TestCertificates.make(temp.resolve("expired"), "Dated CA", "ip:127.0.0.1",
                "-startdate", "-3d", "-validity", "1");
        try (StartTlsRelay stale = new StartTlsRelay(expired)) {
            DeliveryException error = assertThrows(DeliveryException.class,
                    () -> new SmtpSender(settings(stale.port(), expired.caPem()), ENVELOPE).send(REPORT));

            assertTrue(error.getMessage().startsWith("the relay's certificate is outside its validity dates: "),
                    error.getMessage());
        }
    }

    @Test
    void aFileWithoutACertificateIsRefusedAtStartNamingIt() throws Exception {
        Path key = Files.writeString(temp.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIGH\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CaCertificates.check(key));

        assertEquals("--smtp-ca-file " + key + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                error.getMessage());
    }

    @Test
    void aFileLargerThanAnyCaBundleIsRefusedAndOneAtTheLimitIsRead() throws Exception {
        String certificate = Files.readString(forLoopback.caPem());
        Path atLimit = temp.resolve("at-limit.pem");
        Files.writeString(atLimit, certificate + "#".repeat(CaCertificates.MAX_BYTES - certificate.length()));
        Path over = temp.resolve("over.pem");
        Files.writeString(over, Files.readString(atLimit) + "#");

        CaCertificates.check(atLimit);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CaCertificates.check(over));

        assertEquals("--smtp-ca-file: " + over + " is larger than 1048576 bytes: not a PEM file of CA certificates",
                error.getMessage());
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        Path missing = temp.resolve("missing.pem");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CaCertificates.check(missing));

        assertEquals("no such --smtp-ca-file: " + missing, error.getMessage());
    }

    private static SmtpSettings settings(int port, Path caFile) {
        SmtpSettings plain = SmtpSettings.plain("127.0.0.1", port);
        return new SmtpSettings(plain.host(), port, true, null, null, caFile, plain.connectTimeout(),
                plain.readTimeout());
    }
}
