package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.disk.LockFile;
import io.github.stealwatch.source.GrowingStat;
import io.github.stealwatch.source.Machines;
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
        Machines.installProc(procRoot, "ec2-nitro");
    }

    private CliRun audit() {
        return CliRun.run(clock, "audit", "--proc-root", procRoot.toString(), "--state-file", stateFile.toString(),
                "--spool-dir", temp.resolve("spool").toString(), "--mail-to", "-",
                "--sys-root", Machines.sysRoot("ec2-nitro").toString());
    }

    private CliRun auditPublishing(Path textfileDir) {
        return CliRun.run(clock, "audit", "--proc-root", procRoot.toString(), "--state-file", stateFile.toString(),
                "--spool-dir", temp.resolve("spool").toString(), "--mail-to", "-", "--textfile-dir",
                textfileDir.toString());
    }

    @Test
    void itsMetricsCountAcrossRunsAndReboots() throws Exception {
        Path textfileDir = Files.createDirectories(temp.resolve("textfile"));
        Path metricsFile = textfileDir.resolve("stealwatch_audit.prom");
        assertEquals(0, auditPublishing(textfileDir).exitCode);
        // 2 s at 100 ms: the first read and 20 more.
        assertEquals(21, value(metricsFile, "stealwatch_samples_total{command=\"audit\"}"));
        assertEquals(0, value(metricsFile, "stealwatch_anomalies_total{command=\"audit\",kind=\"went_back\"}"));
        assertEquals(0, value(metricsFile, "stealwatch_last_anomaly_timestamp_seconds{command=\"audit\"}"));

        stat.changeSteal("cpu", steal -> steal - 5);
        ProcRoots.installBoot(procRoot, BOOT, "1600.00");
        assertEquals(2, auditPublishing(textfileDir).exitCode);
        double anomalyAt = value(metricsFile, "stealwatch_last_anomaly_timestamp_seconds{command=\"audit\"}");
        assertEquals(1, value(metricsFile, "stealwatch_anomalies_total{command=\"audit\",kind=\"went_back\"}"));
        assertEquals(1, value(metricsFile, "stealwatch_reports_total{command=\"audit\",outcome=\"printed\"}"));
        assertTrue(Double.isNaN(value(metricsFile, "stealwatch_steal_ratio{command=\"audit\"}")),
                "no ratio from a run whose counter misbehaved");

        ProcRoots.installBoot(procRoot, "2d7e93a0-5b0c-4c39-9f0e-1f6a2f3c4d5e", "30.00");
        assertEquals(0, auditPublishing(textfileDir).exitCode);

        // A new baseline after the reboot; the counts go on, so increase() sees no reset.
        assertEquals(63, value(metricsFile, "stealwatch_samples_total{command=\"audit\"}"));
        assertEquals(1, value(metricsFile, "stealwatch_anomalies_total{command=\"audit\",kind=\"went_back\"}"));
        assertEquals(1, value(metricsFile, "stealwatch_reports_total{command=\"audit\",outcome=\"printed\"}"));
        assertEquals(anomalyAt, value(metricsFile, "stealwatch_last_anomaly_timestamp_seconds{command=\"audit\"}"));
        assertEquals(clock.wallTime().toEpochMilli() / 1000.0,
                value(metricsFile, "stealwatch_last_run_timestamp_seconds{command=\"audit\"}"), "the heartbeat");
        assertEquals(0.0, value(metricsFile, "stealwatch_steal_ratio{command=\"audit\"}"), "a sane window");
    }

    @Test
    void aRunThatCannotReadTheCountersStillCountsTheReadErrorAndKeepsTheBaseline() throws Exception {
        Path textfileDir = Files.createDirectories(temp.resolve("textfile"));
        auditPublishing(textfileDir);
        String baseline = Files.readString(stateFile);
        Files.delete(procRoot.resolve("stat"));

        CliRun run = auditPublishing(textfileDir);

        assertEquals(3, run.exitCode, run.toString());
        Path metricsFile = textfileDir.resolve("stealwatch_audit.prom");
        assertEquals(1, value(metricsFile, "stealwatch_read_errors_total{command=\"audit\"}"));
        assertEquals(21, value(metricsFile, "stealwatch_samples_total{command=\"audit\"}"));
        String state = Files.readString(stateFile);
        assertTrue(state.contains("\nread_errors_total=1\n"), state);
        assertEquals(baseline.substring(baseline.indexOf("\ncpu")), state.substring(state.indexOf("\ncpu")),
                "the same baseline");
    }

    /** The value of {@code series} in a metrics file. */
    private static double value(Path metricsFile, String series) throws Exception {
        String metrics = Files.readString(metricsFile);
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics));
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
        String diagnosis = run.out.replaceAll("\\s+", " ");
        assertTrue(diagnosis.contains("Pattern: wrapped on cpu: the steal clock stepped back by 4277788 ticks "
                + "(11 h 52 min 58 s); the kernel's unsigned subtraction turned that into a rise of 1844670129583 "
                + "ticks, from 9 to 1844670129592 in 600 s."), diagnosis);
        assertTrue(diagnosis.contains("Afterwards (in this audit's live window) it counted normally again"),
                diagnosis);
        assertTrue(diagnosis.contains("Context: 600 s passed between the last audit and this one, on the same boot"),
                diagnosis);
        assertTrue(diagnosis.contains("Known issue: kvm-host-steal-init-on-migration: "), diagnosis);
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
