package io.github.stealwatch.spool;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.LateSmtpServer;
import io.github.stealwatch.mail.SilentSmtpServer;
import io.github.stealwatch.mail.SmtpSender;
import io.github.stealwatch.mail.SmtpSettings;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.time.FakeClock;
import io.github.stealwatch.time.SystemClock;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.watch.Watchdog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch's mail thread: never in the sampling thread's way, and retrying the spool while it runs. */
class BackgroundOutboxTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    @Test
    void anSmtpServerThatNeverAnswersDoesNotStallSampling() throws Exception {
        BackgroundOutbox delivery;
        try (SilentSmtpServer silent = new SilentSmtpServer()) {
            delivery = new BackgroundOutbox(outbox(silent.port(), Duration.ofSeconds(60)));
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

            silent.close(); // the server goes away: the report fails and is spooled, not lost
            delivery.close();
        }

        assertEquals(0, delivery.pending());
        assertEquals(1, new Spool(temp, 10, new SystemClock()).waiting().size());
        assertEquals("", err.toString());
    }

    @Test
    void retriesTheSpoolUntilTheServerComesUpThenDeliversOnce() throws Exception {
        try (LateSmtpServer server = new LateSmtpServer()) {
            // Retries every 50 ms here; the shipped first wait is 30 s.
            BackgroundOutbox delivery = new BackgroundOutbox(outbox(server.port(), Duration.ofSeconds(5)),
                    Duration.ofMillis(50), Duration.ofMillis(200));
            Watchdog watchdog = watchdog(delivery);
            watchdog.accept(aggregateOnly(0, 100));
            watchdog.accept(aggregateOnly(100, 50));
            awaitSpooled(1);

            server.start();
            assertTrue(server.awaitReceived(1, 10_000), "the retry should have delivered the report");
            delivery.close();
            assertEquals(1, server.received().length);
            assertEquals(0, new Spool(temp, 10, new SystemClock()).waiting().size());
        }
    }

    private void awaitSpooled(int count) throws Exception {
        Spool spool = new Spool(temp, 10, new SystemClock());
        for (int i = 0; i < 1000 && spool.waiting().size() < count; i++) {
            Thread.sleep(10);
        }
        assertEquals(count, spool.waiting().size());
    }

    private static void awaitConnection(SilentSmtpServer silent) throws InterruptedException {
        for (int i = 0; i < 1000 && silent.connections() == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, silent.connections(), "the mailer should have connected to the silent server");
    }

    private Outbox outbox(int port, Duration readTimeout) {
        SmtpSender sender = new SmtpSender(SmtpSettings.plain("127.0.0.1", port)
                .withTimeouts(Duration.ofSeconds(5), readTimeout), new Envelope("stealwatch@web-7", "root"));
        return new Outbox(sender, new Spool(temp, 10, new SystemClock()), new FakeClock(), new PrintWriter(err));
    }

    private static Watchdog watchdog(BackgroundOutbox delivery) {
        return new Watchdog(new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 1), new Recorder(1), 0,
                new ReportFormatter(new HostFacts("web-7", "6.1.0"), "test").reportingTo(delivery));
    }
}
