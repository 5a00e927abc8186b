package io.github.stealwatch.mail;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.watch.Watchdog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BackgroundDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final StringWriter err = new StringWriter();

    @Test
    void anSmtpServerThatNeverAnswersDoesNotStallSampling() throws Exception {
        BackgroundDelivery delivery;
        try (SilentSmtpServer silent = new SilentSmtpServer()) {
            delivery = new BackgroundDelivery(sender(silent.port()), new PrintWriter(err));
            Watchdog watchdog = watchdog(delivery);
            watchdog.accept(aggregateOnly(0, 100));
            watchdog.accept(aggregateOnly(100, 50)); // trips; with --samples 1 the report goes at once
            awaitConnection(silent);

            // The mail is stuck on the silent server, yet every further sample is taken at once.
            for (int i = 2; i < 1000; i++) {
                watchdog.accept(aggregateOnly(i * 100L, 50 + i));
            }
            assertEquals(1, delivery.pending());
            assertEquals(1, watchdog.reportsMade());

            silent.close(); // the server goes away: the report fails and is printed, not lost
            delivery.close();
        }

        assertEquals(0, delivery.pending());
        assertTrue(err.toString().startsWith("Subject: Steal time jumped! on web-7\n\ntime   stolen  diff\n"),
                err.toString());
    }

    @Test
    void deliversThroughARealSmtpServer() throws Exception {
        BackgroundDelivery delivery = new BackgroundDelivery(sender(SMTP.getSmtp().getPort()), new PrintWriter(err));
        Watchdog watchdog = watchdog(delivery);
        watchdog.accept(aggregateOnly(0, 100));
        watchdog.accept(aggregateOnly(100, 50));
        delivery.close();

        assertEquals(1, SMTP.getReceivedMessages().length);
        assertEquals(0, delivery.failed());
        assertEquals("", err.toString());
    }

    private static void awaitConnection(SilentSmtpServer silent) throws InterruptedException {
        for (int i = 0; i < 1000 && silent.connections() == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, silent.connections(), "the mailer should have connected to the silent server");
    }

    private Watchdog watchdog(BackgroundDelivery delivery) {
        return new Watchdog(new StealDetector(new MaxDelta.Auto(), 1), new Recorder(1), 0,
                new ReportFormatter(new HostFacts("web-7", "6.1.0"), "test"), delivery);
    }

    private static SmtpSender sender(int port) {
        return new SmtpSender(new SmtpSettings("127.0.0.1", port, "stealwatch@web-7", "root",
                Duration.ofSeconds(5), Duration.ofSeconds(60)));
    }
}
