package io.github.stealwatch.cli;

import static io.github.stealwatch.cli.CliTest.resource;
import static io.github.stealwatch.source.ProcRoots.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertTrue(run.out.contains("Trigger:  cpu: steal rose by 1844670129583 ticks in 100 ms; at most 6012 can "
                + "have accrued (100 ms plus a 60 s lump allowance on 1 CPU, and 2 ticks for rounding)\n"), run.out);
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

    /**
     * Twelve minutes of a real KVM guest, this project's CI machine, under load: quiet, and quiet even
     * without the lump allowance, as its steal never came faster than wall time in one sample.
     */
    @Test
    void aRealKvmGuestUnderLoadIsQuiet() {
        String trace = resource("/traces/real-kvm-guest-2cpu-linux-6.18.trace");

        CliRun run = CliRun.run("replay", trace, "--mail-to", "-");
        CliRun strict = CliRun.run("replay", trace, "--mail-to", "-", "--lump-allowance", "0s");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.out);
        assertEquals(0, strict.exitCode, strict.toString());
    }

    /**
     * Steal that the kernel accounts in lumps, on hosts where steal is high: never an alarm. With
     * the strict bound ({@code --lump-allowance 0s}) every one of them trips, which shows that their
     * lumps do exceed what wall time allows and that the allowance is what keeps them quiet.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lumps-every-500ms-2cpu", "unaccounted-20s-then-lump-2cpu",
        "steal-from-before-start-2cpu", "lumps-staggered-8cpu", "throttled-20pct-per-second-1cpu"})
    void lumpsOfStealAreNoAnomaly(String scenario) {
        String trace = resource("/traces/" + scenario + ".trace");

        CliRun run = CliRun.run("replay", trace, "--mail-to", "-");
        CliRun strict = CliRun.run("replay", trace, "--mail-to", "-", "--lump-allowance", "0s");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.out);
        assertEquals(2, strict.exitCode, strict.toString());
    }

    @Test
    void aCounterRunningTwiceAsFastAsWallTimeIsReportedAfterAMinute() {
        CliRun run = CliRun.run("replay", resource("/traces/over-rate-2x-1cpu.trace"), "--mail-to", "-");

        assertEquals(2, run.exitCode, run.toString());
        // The table starts at the sample before the trip (60.0 s) and the trip is at 60.1 s.
        assertTrue(run.out.contains("""
                time    stolen  diff
                ----    ------  ----
                0ms     12002
                100ms   12022   20
                200ms   12042   20
                """), run.out);
        assertTrue(run.out.contains("Trigger:  cpu: steal rose by 12020 ticks in 60.1 s; at most 12012 can have "
                + "accrued (60.1 s plus a 60 s lump allowance on 1 CPU, and 2 ticks for rounding)\n"), run.out);
    }

    @Test
    void aWrapAmongLumpsIsReportedAtThatSampleOnItsCpu() {
        CliRun run = CliRun.run("replay", resource("/traces/wrap-among-lumps-2cpu.trace"), "--mail-to", "-");

        assertEquals(2, run.exitCode, run.toString());
        assertEquals(1, run.out.lines().filter(line -> line.startsWith("Subject:")).count(), run.out);
        assertTrue(run.out.contains("""
                0ms     1088
                100ms   1844670130671  1844670129583
                200ms   1844670130671  0
                """), run.out);
        // The jump is judged over each line's stretch, which began where its last lump had been
        // covered by wall time: 400 ms earlier on both lines here.
        assertTrue(run.out.contains("Trigger:  cpu: steal rose by 1844670129648 ticks in 400 ms; at most 12084 can "
                + "have accrued (400 ms plus a 60 s lump allowance on 2 CPUs, and 4 ticks for rounding)\n"), run.out);
        assertTrue(run.out.contains("\ncpu1  100ms  446     1844670130069  1     steal rose by 1844670129623"),
                run.out);
        assertFalse(run.out.contains("\ncpu0 "), run.out);
    }

    @Test
    void aDropOfThreeTicksAmongLumpsIsReportedAtThatSampleOnItsCpu() {
        CliRun run = CliRun.run("replay", resource("/traces/drop-among-lumps-2cpu.trace"), "--mail-to", "-",
                "--samples", "1");

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.contains("""
                0ms    432
                100ms  454     22
                """), run.out);
        assertTrue(run.out.contains("Trigger:  cpu0: steal went back by 3 ticks\n"), run.out);
        assertTrue(run.out.contains("\ncpu0  100ms  76      73     1     steal went back by 3 ticks\n"), run.out);
    }
}
