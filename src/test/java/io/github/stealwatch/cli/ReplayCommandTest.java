package io.github.stealwatch.cli;

import static io.github.stealwatch.cli.CliTest.resource;
import static io.github.stealwatch.source.ProcRoots.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplayCommandTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** The table as the article printed it: the first rows of the mail its script sent. */
    static final String ARTICLE_TABLE = golden("article-table.txt");

    private static final String ARTICLE_TRACE = resource("/traces/article-xen-guest.trace");

    @Test
    void replayingTheArticlesTracePrintsTheArticlesTable() {
        CliRun run = CliRun.run("replay", ARTICLE_TRACE, "--mail-to", "-");

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Subject: Steal time jumped! on stretch-xen-guest\n\n" + ARTICLE_TABLE),
                run.out);
        assertTrue(run.out.contains("2000ms  1844583853065  -4453022\n\n"), run.out);
        assertTrue(run.out.contains("Trigger:  cpu: steal rose by 1844670129583 ticks in 100 ms, at most 10 can accrue"),
                run.out);
    }

    @Test
    void theArticlesFixedBoundTripsOnTheSameSample() {
        CliRun run = CliRun.run("replay", ARTICLE_TRACE, "--mail-to", "-", "--max-delta", "100000", "--samples", "4");

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.contains("""
                time   stolen         diff
                ----   ------         ----
                0ms    784
                100ms  1844670130367  1844670129583
                200ms  1844664564089  -5566278
                300ms  1844659554439  -5009650
                400ms  1844655101417  -4453022

                """), run.out);
        assertTrue(run.out.contains("more than --max-delta 100000"), run.out);
    }

    @Test
    void mailsTheArticlesTableThroughARealSmtpServer() throws Exception {
        CliRun run = CliRun.run("replay", ARTICLE_TRACE, "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()), "--mail-to", "ops@example.org");

        assertEquals(2, run.exitCode, run.toString());
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        assertEquals("ops@example.org", received[0].getAllRecipients()[0].toString());
        assertEquals("Steal time jumped! on stretch-xen-guest", received[0].getSubject());
        String body = GreenMailUtil.getBody(received[0]).replace("\r\n", "\n");
        assertTrue(body.startsWith(ARTICLE_TABLE), body);
        assertEquals("", run.out);
    }

    @Test
    void aReportThatCannotBeMailedGoesToStandardErrorAndStillExits2() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.run("replay", ARTICLE_TRACE, "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(closedPort));

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("Subject: Steal time jumped! on stretch-xen-guest\n\n" + ARTICLE_TABLE), run.err);
    }

    @Test
    void aLongCooldownLetsTheRunawayCounterMailOnlyOnce() {
        CliRun run = CliRun.run("replay", ARTICLE_TRACE, "--mail-to", "-", "--samples", "2");

        assertEquals(2, run.exitCode, run.toString());
        assertEquals(1, run.out.lines().filter(line -> line.startsWith("Subject:")).count(), run.out);
    }

    @Test
    void withoutACooldownEachNewTripIsReported() {
        CliRun run = CliRun.run("replay", ARTICLE_TRACE, "--mail-to", "-", "--samples", "2", "--cooldown", "0s");

        assertEquals(2, run.exitCode, run.toString());
        assertEquals(10, run.out.lines().filter(line -> line.startsWith("Subject:")).count(), run.out);
    }
}
