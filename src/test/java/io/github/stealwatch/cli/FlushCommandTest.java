package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.stealwatch.mail.LateSmtpServer;
import io.github.stealwatch.mail.StartTlsRelay;
import io.github.stealwatch.mail.TestCertificates;
import io.github.stealwatch.source.GrowingStat;
import io.github.stealwatch.source.ProcRoots;
import io.github.stealwatch.time.FakeClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No report is lost: an audit whose mail server is down keeps its report in the spool; flush and
 * the next audit deliver it once the server is up, exactly once.
 */
class FlushCommandTest {

    private static final String BOOT = "8f9561f7-0d62-453c-ac20-269c00c0b540";

    @TempDir
    Path temp;

    private Path procRoot;
    private Path spool;
    private GrowingStat stat;
    private LateSmtpServer server;
    private final FakeClock clock = new FakeClock();

    @BeforeEach
    void machineWithAMailServerThatIsDown() throws Exception {
        procRoot = Files.createDirectories(temp.resolve("proc"));
        spool = temp.resolve("spool");
        stat = new GrowingStat(procRoot, "kvm-guest-2cpu-linux-6.18.txt");
        clock.onSleep(() -> stat.step(10, 0));
        ProcRoots.installBoot(procRoot, BOOT, "1000.00");
        server = new LateSmtpServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aReportSpooledByAnAuditIsFlushedOnceTheServerIsUp() throws Exception {
        auditWithStealGoingBack();
        assertEquals(1, spooled().size());

        CliRun down = flush();
        assertEquals(1, down.exitCode, down.toString());
        assertEquals("sent 0, still waiting 1 in " + spool + "\n", down.out);

        server.start();
        CliRun up = flush();
        assertEquals(0, up.exitCode, up.toString());
        assertEquals("sent 1, still waiting 0 in " + spool + "\n", up.out);
        assertEquals(0, flush().exitCode);

        MimeMessage[] received = server.received();
        assertEquals(1, received.length, "delivered exactly once");
        assertEquals("ops@example.org", received[0].getAllRecipients()[0].toString());
        assertTrue(received[0].getSubject().startsWith("Steal counter misbehaved between audits on "));
        assertTrue(GreenMailUtil.getBody(received[0]).contains("steal went back by 5 ticks"));
        assertEquals(List.of(), spooled());
    }

    @Test
    void theNextAuditDeliversWhatIsSpooledFirst() throws Exception {
        auditWithStealGoingBack();
        server.start();

        CliRun clean = audit();

        assertEquals(0, clean.exitCode, clean.toString());
        assertEquals(1, server.received().length);
        assertEquals(List.of(), spooled());
    }

    @Test
    void aSpoolThatWasNeverWrittenIsEmpty() {
        CliRun run = flush();

        assertEquals(0, run.exitCode, run.toString());
        assertEquals("sent 0, still waiting 0 in " + spool + "\n", run.out);
    }

    @Test
    void aSpoolThatIsNotADirectoryIsOneLineAndExit3() throws Exception {
        Files.writeString(spool, "");

        CliRun run = flush();

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("stealwatch flush: the spool " + spool + " is not a directory\n", run.err);
    }

    @Test
    void throughAStartTlsRelayWithAPrivateCaTheCaFileIsWhatLetsTheReportGo() throws Exception {
        auditWithStealGoingBack();
        TestCertificates certificates = TestCertificates.make(temp.resolve("tls"), "Example Private CA", "ip:127.0.0.1");
        try (StartTlsRelay relay = new StartTlsRelay(certificates); LogCapture log = new LogCapture()) {
            String port = Integer.toString(relay.port());

            CliRun untrusted = CliRun.run(clock, "flush", "--spool-dir", spool.toString(), "--smtp-host", "127.0.0.1",
                    "--smtp-port", port, "--smtp-starttls");

            assertEquals(1, untrusted.exitCode, untrusted.toString());
            assertEquals(1, spooled().size(), "kept");
            assertEquals("WARN could not send the spooled report " + spooled().get(0) + " to ops@example.org: the "
                    + "relay's certificate is not trusted (PKIX): give its CA with --smtp-ca-file\n", log.text());

            CliRun trusted = CliRun.run(clock, "flush", "--spool-dir", spool.toString(), "--smtp-host", "127.0.0.1",
                    "--smtp-port", port, "--smtp-starttls", "--smtp-ca-file", certificates.caPem().toString());

            assertEquals(0, trusted.exitCode, trusted.toString());
            assertEquals(1, relay.received().length);
            assertEquals(List.of(), spooled());
        }
    }

    @Test
    void aCaFileWithoutStartTlsIsOneLineAndExit3() throws Exception {
        Path ca = Files.writeString(temp.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nMIIB\n");

        CliRun run = CliRun.run(clock, "flush", "--spool-dir", spool.toString(), "--smtp-ca-file", ca.toString());

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("stealwatch flush: --smtp-ca-file is for the certificate a STARTTLS relay shows: give "
                + "--smtp-starttls too (see 'stealwatch flush --help')\n", run.err);
    }

    /** The second audit finds cpu1's steal 5 ticks lower than the first saved it; the server is down. */
    private void auditWithStealGoingBack() throws Exception {
        assertEquals(0, audit().exitCode);
        stat.changeSteal("cpu", steal -> steal - 5);
        stat.changeSteal("cpu1", steal -> steal - 5);
        ProcRoots.installBoot(procRoot, BOOT, "1600.00");
        CliRun spooling = audit();
        assertEquals(2, spooling.exitCode, "the anomaly was reported, if only to the spool: " + spooling);
    }

    private CliRun audit() {
        return CliRun.run(clock, "audit", "--proc-root", procRoot.toString(),
                "--state-file", temp.resolve("audit.state").toString(), "--spool-dir", spool.toString(),
                "--mail-to", "ops@example.org", "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(server.port()));
    }

    private CliRun flush() {
        return CliRun.run(clock, "flush", "--spool-dir", spool.toString(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(server.port()));
    }

    private List<Path> spooled() throws Exception {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(file -> !file.getFileName().toString().startsWith(".")).toList();
        }
    }
}
