package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.disk.LockFile;
import io.github.stealwatch.source.GrowingStat;
import io.github.stealwatch.source.ProcRoots;
import io.github.stealwatch.state.StateStore;
import io.github.stealwatch.time.FakeClock;
import io.github.stealwatch.time.SystemClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * audit runs one after another on a fixture proc root whose counters, boot id and uptime the test
 * moves between runs, with a fake clock for the live window.
 */
class AuditCommandTest {

    private static final String BOOT = "8f9561f7-0d62-453c-ac20-269c00c0b540";

    @TempDir
    Path temp;

    private Path procRoot;
    private Path stateFile;
    private GrowingStat stat;
    private final FakeClock clock = new FakeClock();

    @BeforeEach
    void machine() throws Exception {
        procRoot = Files.createDirectories(temp.resolve("proc"));
        stateFile = temp.resolve("state/audit.state");
        stat = new GrowingStat(procRoot, "kvm-guest-2cpu-linux-6.18.txt");
        clock.onSleep(() -> stat.step(10, 0));
        ProcRoots.installBoot(procRoot, BOOT, "1000.00");
    }

    private CliRun audit() {
        return CliRun.run(clock, "audit", "--proc-root", procRoot.toString(), "--state-file", stateFile.toString(),
                "--spool-dir", temp.resolve("spool").toString(), "--mail-to", "-");
    }

    @Test
    void theFirstRunOnlySavesTheBaseline() throws Exception {
        CliRun run = audit();

        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.out);
        String state = Files.readString(stateFile);
        assertTrue(state.startsWith("# stealwatch audit state v2\nboot_id=" + BOOT + "\nuptime_ns=1000000000000\n"),
                state);
        assertTrue(state.contains("\ncpu  4525 0 1337 66742 104 0 19 9 0 0\n"), "the window's last sample: " + state);
    }

    @Test
    void aNormalSecondRunIsCleanAndMovesTheBaselineOn() throws Exception {
        audit();
        for (int step = 0; step < 6000; step++) {
            stat.step(10, 1); // ten minutes with 10 % stolen
        }
        ProcRoots.installBoot(procRoot, BOOT, "1600.00");

        CliRun run = audit();

        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.out);
        assertTrue(Files.readString(stateFile).contains("uptime_ns=1600000000000\n"));
    }

    @Test
    void stealThatWentBackBetweenRunsIsReported() throws Exception {
        audit();
        stat.changeSteal("cpu", steal -> steal - 5);
        stat.changeSteal("cpu1", steal -> steal - 5);
        ProcRoots.installBoot(procRoot, BOOT, "1600.00");

        CliRun run = audit();

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Subject: Steal counter misbehaved between audits on "), run.out);
        assertTrue(run.out.contains("Between the last audit and this one (same boot " + BOOT + "):\n"), run.out);
        assertTrue(run.out.contains("cpu   9       4      -5      steal went back by 5 ticks\n"), run.out);
        assertTrue(run.out.contains("cpu1  6       1      -5      steal went back by 5 ticks\n"), run.out);
        assertTrue(run.out.contains("Live window: steal 0.0% of CPU time over 2.0 s, counter sane\n"), run.out);
    }

    @Test
    void stealRisingMoreThanCanAccrueBetweenRunsIsReported() throws Exception {
        audit();
        stat.changeSteal("cpu", steal -> steal + 1_844_670_129_583L);
        stat.changeSteal("cpu0", steal -> steal + 1_844_670_129_583L);
        ProcRoots.installBoot(procRoot, BOOT, "1600.00");

        CliRun run = audit();

        assertEquals(2, run.exitCode, run.toString());
        // 600 s plus the 60 s allowance on 2 CPUs: at most 132000 ticks, and 4 for rounding, on the aggregate line.
        assertTrue(run.out.contains("steal rose by 1844670129583 ticks in 600 s; at most 132004 can have accrued "
                + "(600 s plus a 60 s lump allowance on 2 CPUs, and 4 ticks for rounding)\n"), run.out);
        assertTrue(run.out.contains("\ncpu0  "), run.out);
    }

    @Test
    void aRebootBetweenRunsStartsANewBaselineWithoutAnAlarm() throws Exception {
        audit();
        stat.changeSteal("cpu", steal -> 0);
        stat.changeSteal("cpu0", steal -> 0);
        ProcRoots.installBoot(procRoot, "2d7e93a0-5b0c-4c39-9f0e-1f6a2f3c4d5e", "30.00");

        CliRun run;
        try (LogCapture log = new LogCapture()) {
            run = audit();
            assertTrue(log.text().contains("INFO the machine rebooted since the last audit: new baseline"), log.text());
        }

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(Files.readString(stateFile).contains("boot_id=2d7e93a0-5b0c-4c39-9f0e-1f6a2f3c4d5e\n"));
    }

    @Test
    void aCorruptStateFileIsNamedInAWarningAndReplaced() throws Exception {
        Files.createDirectories(stateFile.getParent());
        Files.writeString(stateFile, "# stealwatch audit state v1\nboot_id=" + BOOT + "\nuptime_ns=12");

        CliRun run;
        try (LogCapture log = new LogCapture()) {
            run = audit();
            assertTrue(log.text().contains("WARN " + stateFile + " is not a stealwatch state file: cut short: no "
                    + "'# end' line at the end; starting a new baseline\n"), log.text());
        }

        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.err);
        assertTrue(Files.readString(stateFile).endsWith("\n# end\n"));
        assertEquals(0, audit().exitCode, "the next run reads the new baseline");
    }

    @Test
    void aSecondAuditWaitsForTheLockThenGivesUpWithExitCode3() throws Exception {
        StateStore store = new StateStore(stateFile);
        try (LockFile held = store.lock(Duration.ZERO, new SystemClock())) {
            CliRun run = audit();

            assertEquals(3, run.exitCode, run.toString());
            assertEquals("stealwatch audit: " + stateFile.resolveSibling(".audit.state.lock")
                    + " is locked by another stealwatch; gave up after 10 s; is an earlier audit still running?\n",
                    run.err);
            assertFalse(Files.exists(stateFile), "the audit that gave up wrote nothing");
        }
        assertEquals(0, audit().exitCode, "once the lock is free, audits run again");
    }

    @Test
    void aProcRootWithoutUptimeCannotBeAudited() throws Exception {
        Files.delete(procRoot.resolve("uptime"));

        CliRun run = audit();

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("stealwatch audit: no such file: " + procRoot.resolve("uptime") + "\n", run.err);
    }
}
