package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.source.GrowingStat;
import io.github.stealwatch.source.Machines;
import io.github.stealwatch.source.ProcRoots;
import io.github.stealwatch.time.FakeClock;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * check on a fixture proc root that moves on by one step of 10 ticks per CPU each time the fake
 * clock sleeps its 100 ms: every state, its exit code, the status line and the JSON, no sleeping.
 */
class CheckCommandTest {

    @TempDir
    Path procRoot;

    private GrowingStat stat;
    private final FakeClock clock = new FakeClock();

    private CliRun check(long stealPerCpuPerStep, String... options) throws Exception {
        stat = new GrowingStat(procRoot, "kvm-guest-2cpu-linux-6.18.txt");
        clock.onSleep(() -> stat.step(10, stealPerCpuPerStep));
        String[] args = new String[options.length + 3];
        args[0] = "check";
        args[1] = "--proc-root";
        args[2] = procRoot.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return CliRun.run(clock, args);
    }

    @Test
    void aQuietMachineIsOkWithTheShareAndTheCounterAsPerfdata() throws Exception {
        CliRun run = check(0);

        assertEquals(0, run.exitCode, run.toString());
        // 5 s at 100 ms: 51 samples; the fixture's aggregate steal counter is 9.
        assertEquals("STEAL OK - steal 0.0% of CPU time over 5.0 s, counter sane | steal=0.0%;;;0;100 steal_ticks=9c\n",
                run.out);
    }

    @ParameterizedTest(name = "{0}% stolen, --warning {1} --critical {2}: exit {3}")
    @CsvSource({
        "1, 10, 20, 0, STEAL OK - steal 10.0% of CPU time over 5.0 s; counter sane | steal=10.0%;10;20;0;100 steal_ticks=109c",
        "2, 10, 20, 1, STEAL WARNING - steal 20.0% of CPU time over 5.0 s; counter sane (above --warning 10%) | steal=20.0%;10;20;0;100 steal_ticks=209c",
        "3, 10, 20, 2, STEAL CRITICAL - steal 30.0% of CPU time over 5.0 s; counter sane (above --critical 20%) | steal=30.0%;10;20;0;100 steal_ticks=309c",
        "3, 10.5, 29.5, 2, STEAL CRITICAL - steal 30.0% of CPU time over 5.0 s; counter sane (above --critical 29.5%) | steal=30.0%;10.5;29.5;0;100 steal_ticks=309c",
    })
    void theStealShareAgainstTheThresholds(long stealPerCpu, String warning, String critical, int exitCode,
                                           String line) throws Exception {
        CliRun run = check(stealPerCpu, "--warning", warning, "--critical", critical);

        assertEquals(exitCode, run.exitCode, run.toString());
        assertEquals(line.replace("; counter", ", counter") + "\n", run.out);
    }

    @Test
    void aCounterThatJumpsIsCriticalWhateverTheShare() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        stat = new GrowingStat(procRoot, "kvm-guest-2cpu-linux-6.18.txt");
        clock.onSleep(() -> {
            stat.step(10, 0);
            if (steps.incrementAndGet() == 20) {
                stat.changeSteal("cpu", steal -> steal + 1_844_670_129_583L);
                stat.changeSteal("cpu1", steal -> steal - 3);
            }
        });

        CliRun run = CliRun.run(clock, "check", "--proc-root", procRoot.toString(), "--warning", "50");

        assertEquals(2, run.exitCode, run.toString());
        assertEquals("STEAL CRITICAL - steal counter misbehaved: cpu: steal rose by 1844670129583 ticks in 100 ms; "
                + "at most 12024 can have accrued (100 ms plus a 60 s lump allowance on 2 CPUs, and 4 ticks for "
                + "rounding) (2 line(s) tripped in 1 of 51 samples) | steal=U;50;;0;100 "
                + "steal_ticks=1844670129592c\n", run.out);
        assertTrue(!run.out.contains("Subject:"), "no mail, no report, unless --mail-to is given");
    }

    @Test
    void jsonSaysTheSameVerdictWithTheAnomaliesTheirLinesAndTheDiagnosis() throws Exception {
        stealGoesBackByTwoTicksOnCpu0AtTheThirdStep();
        Machines.installProc(procRoot, "kvm-qemu");

        CliRun run = CliRun.run(clock, "check", "--proc-root", procRoot.toString(), "--format", "json",
                "--sys-root", Machines.sysRoot("kvm-qemu").toString());

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("{\"state\":\"CRITICAL\",\"exit_code\":2,\"summary\":\"steal counter "
                + "misbehaved: cpu: steal went back by 2 ticks"), run.out);
        assertTrue(run.out.contains("\"samples\":51,"), run.out);
        assertTrue(run.out.contains("\"anomalous_samples\":1,\"anomalies\":[{\"line\":\"cpu\",\"kind\":\"went_back\","
                + "\"before\":9,\"after\":7,\"delta\":-2,\"description\":\"steal went back by 2 ticks\"},"
                + "{\"line\":\"cpu0\",\"kind\":\"went_back\",\"before\":2,\"after\":0,\"delta\":-2,"
                + "\"description\":\"steal went back by 2 ticks\"}],\"diagnosis\":{\"line\":\"cpu\","
                + "\"pattern\":\"went_back\",\"after\":\"normal_again\",\"step_back_ticks\":2,\"hypervisor\":\"kvm\","
                + "\"guest_type\":null,\"clocksource\":\"kvm-clock\",\"kernel\":\"6.1.0-18-amd64\",\"known_issues\":[],"
                + "\"advice\":\"The counter needs no reboot: it counts normally again. No known issue explains it: "
                + "if it happens again, keep this report and a trace (stealwatch record) for the bug tracker of "
                + "your hypervisor or distribution. Do not boot with no-steal-acc"), run.out);
        assertTrue(run.out.endsWith("for the intervals that span the step.\"}}\n"), run.out);
    }

    @Test
    void aSysRootThatDoesNotExistIsAnUnknownWithOneLine() throws Exception {
        CliRun run = check(1, "--sys-root", procRoot.resolve("missing").toString());

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("STEAL UNKNOWN - --sys-root " + procRoot.resolve("missing") + ": no such directory\n", run.out);
    }

    @Test
    void jsonOfAQuietMachine() throws Exception {
        CliRun run = check(1, "--format", "json", "--duration", "1s");

        assertEquals(0, run.exitCode, run.toString());
        assertEquals("{\"state\":\"OK\",\"exit_code\":0,\"summary\":\"steal 10.0% of CPU time over 1.0 s, counter "
                + "sane\",\"steal_percent\":10.000,\"steal_ticks\":20,\"total_ticks\":200,\"steal_counter\":29,"
                + "\"seconds\":1.000,\"samples\":11,\"warning_percent\":null,\"critical_percent\":null,"
                + "\"anomalous_samples\":0,\"anomalies\":[],\"diagnosis\":null}\n", run.out);
    }

    @Test
    void withMailToTheReportGoesOutToo() throws Exception {
        stealGoesBackByTwoTicksOnCpu0AtTheThirdStep();

        CliRun run = CliRun.run(clock, "check", "--proc-root", procRoot.toString(), "--mail-to", "-");

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Subject: Steal time went back! on "), run.out);
        assertTrue(run.out.endsWith("\nSTEAL CRITICAL - steal counter misbehaved: cpu: steal went back by 2 ticks "
                + "(2 line(s) tripped in 1 of 51 samples) | steal=U;;;0;100 steal_ticks=7c\n"), run.out);
    }

    /** cpu0's steal, and so the aggregate's, drops by 2 ticks once, 300 ms into the window. */
    private void stealGoesBackByTwoTicksOnCpu0AtTheThirdStep() throws Exception {
        stat = new GrowingStat(procRoot, "kvm-guest-2cpu-linux-6.18.txt");
        AtomicInteger steps = new AtomicInteger();
        clock.onSleep(() -> {
            stat.step(10, 0);
            if (steps.incrementAndGet() == 3) {
                stat.changeSteal("cpu", steal -> steal - 2);
                stat.changeSteal("cpu0", steal -> steal - 2);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --interval 1s --proc-root /nonexistent   | STEAL UNKNOWN - no such file: /nonexistent/stat
            --warning 101                            | STEAL UNKNOWN - --warning must be a percentage from 0 to 100, not 101
            --warning 30 --critical 20               | STEAL UNKNOWN - --warning 30 is above --critical 20
            --duration 50ms                          | STEAL UNKNOWN - --duration 50 ms is shorter than --interval 100 ms: nothing to compare
            --format xml                             | STEAL UNKNOWN - Invalid value for option '--format': expected one of [text, json] (case-sensitive) but was 'xml'
            --bogus                                  | STEAL UNKNOWN - Unknown option: '--bogus'
            """)
    void whatCannotBeMeasuredIsUnknownOnStandardOutput(String options, String line) throws Exception {
        ProcRoots.installFixture(procRoot, "kvm-guest-2cpu-linux-6.18.txt");
        String[] args = (options.contains("--proc-root") ? "check " + options
                : "check --proc-root " + procRoot + " " + options).split(" ");

        CliRun run = CliRun.run(clock, args);

        assertEquals(3, run.exitCode, run.toString());
        assertEquals(line + "\n", run.out);
        assertTrue(run.err.startsWith("stealwatch check: "), run.err);
    }

    @Test
    void aGarbledStatFileIsUnknownInJsonToo() throws Exception {
        ProcRoots.installFixture(procRoot, "garbage-counter.txt");

        CliRun run = CliRun.run(clock, "check", "--proc-root", procRoot.toString(), "--format", "json");

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("{\"state\":\"UNKNOWN\",\"exit_code\":3,\"summary\":\"" + procRoot), run.out);
    }
}
