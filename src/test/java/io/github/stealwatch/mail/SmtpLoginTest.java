package io.github.stealwatch.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.stealwatch.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A relay that wants a login, and one that offers no STARTTLS to a sender that requires it. */
class SmtpLoginTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("stealwatch", "s3cret"));

    private static final Report REPORT = new Report("Steal time jumped! on web-7", "the table\n");
    private static final Envelope ENVELOPE = new Envelope("stealwatch@web-7", "ops@example.org");

    @Test
    void logsInWithTheUserAndPassword() throws Exception {
        new SmtpSender(settings(false, "s3cret"), ENVELOPE).send(REPORT);

        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void aWrongPasswordIsADeliveryFailure() {
        SmtpSender sender = new SmtpSender(settings(false, "wrong"), ENVELOPE);

        DeliveryException error = assertThrows(DeliveryException.class, () -> sender.send(REPORT));

        assertTrue(error.getMessage().contains("535"), error.getMessage());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    @Test
    void withStartTlsRequiredAServerWithoutItGetsNothing() {
        SmtpSender sender = new SmtpSender(settings(true, "s3cret"), ENVELOPE);

        DeliveryException error = assertThrows(DeliveryException.class, () -> sender.send(REPORT));

        assertTrue(error.getMessage().contains("STARTTLS"), error.getMessage());
        assertEquals(0, SMTP.getReceivedMessages().length);
    }

    private static SmtpSettings settings(boolean startTls, String password) {
        SmtpSettings plain = SmtpSettings.plain("127.0.0.1", SMTP.getSmtp().getPort());
        return new SmtpSettings(plain.host(), plain.port(), startTls, "stealwatch", password, null, plain.connectTimeout(),
                plain.readTimeout());
    }
}
