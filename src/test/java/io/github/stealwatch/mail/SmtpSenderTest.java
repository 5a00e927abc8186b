package io.github.stealwatch.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.stealwatch.report.Report;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpSenderTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Report REPORT = new Report("Steal time jumped! on web-7",
            "time    stolen         diff\n----    ------         ----\n0ms     784\n100ms   1844670130367  1844670129583\n");

    @Test
    void mailsTheReportToTheRecipient() throws Exception {
        sender(SMTP.getSmtp().getPort(), "root@web-7").send(REPORT);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("root@web-7", received[0].getAllRecipients()[0].toString());
        assertEquals("stealwatch@web-7", received[0].getFrom()[0].toString());
        assertEquals("Steal time jumped! on web-7", received[0].getSubject());
        assertTrue(GreenMailUtil.getBody(received[0]).contains("100ms   1844670130367  1844670129583"));
    }

    @Test
    void aBareLocalNameLikeRootIsAnAddress() throws Exception {
        sender(SMTP.getSmtp().getPort(), "root").send(REPORT);

        assertEquals("root", SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString());
    }

    @Test
    void aRefusedConnectionIsADeliveryFailureSayingWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpSender sender = sender(closedPort, "root");

        DeliveryException error = assertThrows(DeliveryException.class, () -> sender.send(REPORT));

        assertTrue(error.getMessage().contains("Connection refused"), error.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (SilentSmtpServer silent = new SilentSmtpServer()) {
            SmtpSender sender = new SmtpSender(SmtpSettings.plain("127.0.0.1", silent.port())
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300)), new Envelope("stealwatch@web-7", "root"));

            DeliveryException error = assertThrows(DeliveryException.class, () -> sender.send(REPORT));

            assertTrue(error.getMessage().contains("timed out"), error.getMessage());
        }
    }

    @Test
    void aBadAddressIsRefusedUpFront() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> sender(25, "root@@web"));

        assertTrue(error.getMessage().startsWith("--mail-to 'root@@web' is not a mail address"), error.getMessage());
    }

    private static SmtpSender sender(int port, String to) {
        return new SmtpSender(SmtpSettings.plain("127.0.0.1", port), new Envelope("stealwatch@web-7", to));
    }
}
