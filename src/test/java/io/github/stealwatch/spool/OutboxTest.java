package io.github.stealwatch.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.LateSmtpServer;
import io.github.stealwatch.mail.RefusingSmtpServer;
import io.github.stealwatch.mail.SilentSmtpServer;
import io.github.stealwatch.mail.SmtpSender;
import io.github.stealwatch.mail.SmtpSettings;
import io.github.stealwatch.report.Report;
import io.github.stealwatch.time.SystemClock;
import io.github.stealwatch.time.FakeClock;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery through a real SMTP server that is down, then up, with the spool in between. */
class OutboxTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();
    private LateSmtpServer server;

    @BeforeEach
    void aServerThatIsDownForNow() throws Exception {
        server = new LateSmtpServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aReportSpooledWhileTheServerIsDownIsDeliveredOnceWhenItIsUp() throws Exception {
        Outbox outbox = outbox(spool(10));

        assertEquals(Outbox.Outcome.SPOOLED, outbox.deliver(report("first")));
        assertEquals(1, outbox.waiting());

        server.start();
        assertEquals(new FlushResult(1, 0, 0), outbox.flush());
        assertEquals(new FlushResult(0, 0, 0), outbox.flush());

        MimeMessage[] received = server.received();
        assertEquals(1, received.length);
        assertEquals("first", received[0].getSubject());
        assertEquals("ops@example.org", received[0].getAllRecipients()[0].toString());
        assertEquals("", err.toString(), "nothing needed printing: the spool kept it");
    }

    @Test
    void aNewReportWaitsBehindOlderSpooledOnesSoMailArrivesOldestFirst() throws Exception {
        Outbox outbox = outbox(spool(10));
        outbox.deliver(report("first"));
        outbox.deliver(report("second"));

        server.start();
        assertEquals(Outbox.Outcome.SENT, outbox.deliver(report("third")));

        MimeMessage[] received = server.received();
        assertEquals(3, received.length);
        assertEquals("first", received[0].getSubject());
        assertEquals("second", received[1].getSubject());
        assertEquals("third", received[2].getSubject());
        assertEquals(0, outbox.waiting());
    }

    @Test
    void aReportTheServerRefusesStaysButDoesNotHoldBackTheOnesAfterIt() throws Exception {
        try (RefusingSmtpServer relay = new RefusingSmtpServer("typo@example.org")) {
            Spool spool = spool(10);
            Outbox toTypo = outbox(relay.port(), new Envelope("stealwatch@web-7", "typo@example.org"), spool);
            Outbox fixed = outbox(relay.port(), envelope(), spool);

            assertEquals(Outbox.Outcome.SPOOLED, toTypo.deliver(report("to a recipient the relay refuses")));
            assertEquals(Outbox.Outcome.SENT, fixed.deliver(report("after the address was fixed")));

            assertEquals(List.of("ops@example.org"), relay.delivered());
            assertEquals(new FlushResult(0, 1, 1), fixed.flush(), "the refused one stays for a person to see");
        }
    }

    @Test
    void aSpoolFileLargerThanAnyReportStaysUnreadAndDoesNotHoldBackTheOnesAfterIt() throws Exception {
        Outbox outbox = outbox(spool(10));
        outbox.deliver(report("first"));
        outbox.deliver(report("second"));
        Path first = spool(10).waiting().get(0);
        Files.write(first, new byte[Spool.MAX_REPORT_BYTES + 1]);
        server.start();

        assertEquals(new FlushResult(1, 1, 1), outbox.flush());

        assertEquals(List.of(first), spool(10).waiting(), "the file stays for a person to look at");
        assertEquals("second", server.received()[0].getSubject());
    }

    @Test
    void aServerThatTimesOutIsLikeOneThatIsDown() throws Exception {
        try (SilentSmtpServer silent = new SilentSmtpServer()) {
            SmtpSender sender = new SmtpSender(SmtpSettings.plain("127.0.0.1", silent.port())
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)), envelope());
            Outbox outbox = new Outbox(sender, spool(10), new FakeClock(), new PrintWriter(err));

            assertEquals(Outbox.Outcome.SPOOLED, outbox.deliver(report("stuck")));
        }
        assertEquals(1, spool(10).waiting().size());
    }

    @Test
    void aFullSpoolDropsTheNewestAndTheNextDeliveredReportSaysHowMany() throws Exception {
        Outbox outbox = outbox(spool(1));
        assertEquals(Outbox.Outcome.SPOOLED, outbox.deliver(report("kept")));
        assertEquals(Outbox.Outcome.DROPPED, outbox.deliver(report("dropped 1")));
        assertEquals(Outbox.Outcome.DROPPED, outbox.deliver(report("dropped 2")));

        server.start();
        outbox.deliver(report("after"));

        MimeMessage[] received = server.received();
        assertEquals(2, received.length);
        assertEquals("kept", received[0].getSubject());
        assertTrue(GreenMailUtil.getBody(received[0]).contains("Dropped:  2 other report(s) were dropped because "
                + "the spool " + temp.resolve("spool") + " was full (--spool-max 1)"), GreenMailUtil.getBody(received[0]));
        assertTrue(!GreenMailUtil.getBody(received[1]).contains("Dropped:"), "the drops are told once");
    }

    @Test
    void aSpoolThatCannotBeWrittenLeavesTheReportOnStandardError() throws Exception {
        Files.writeString(temp.resolve("not-a-directory"), "");
        Outbox outbox = outbox(new Spool(temp.resolve("not-a-directory/spool"), 10, new SystemClock()));

        assertEquals(Outbox.Outcome.PRINTED_TO_STANDARD_ERROR, outbox.deliver(report("nowhere")));

        assertTrue(err.toString().startsWith("Subject: nowhere\n\nthe table\n"), err.toString());
    }

    @Test
    void aSpoolThatCannotBeMadeDoesNotStopMailThatTheServerTakes() throws Exception {
        Files.writeString(temp.resolve("not-a-directory"), "");
        Outbox outbox = outbox(new Spool(temp.resolve("not-a-directory/spool"), 10, new SystemClock()));
        server.start();

        assertEquals(Outbox.Outcome.SENT, outbox.deliver(report("straight through")));

        assertEquals(1, server.received().length);
        assertEquals("", err.toString());
    }

    @Test
    void flushingASpoolThatWasNeverMadeDoesNotMakeIt() throws Exception {
        Outbox outbox = outbox(spool(10));

        assertEquals(new FlushResult(0, 0, 0), outbox.flush());
        assertTrue(!Files.exists(temp.resolve("spool")));
    }

    private Outbox outbox(Spool spool) {
        return outbox(server.port(), envelope(), spool);
    }

    private Outbox outbox(int serverPort, Envelope envelope, Spool spool) {
        SmtpSender sender = new SmtpSender(SmtpSettings.plain("127.0.0.1", serverPort)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)), envelope);
        return new Outbox(sender, spool, new FakeClock(), new PrintWriter(err));
    }

    private Spool spool(int max) {
        return new Spool(temp.resolve("spool"), max, new SystemClock());
    }

    private static Envelope envelope() {
        return new Envelope("stealwatch@web-7", "ops@example.org");
    }

    private static Report report(String subject) {
        return new Report(subject, "the table\n");
    }
}
