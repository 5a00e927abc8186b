package io.github.stealwatch.report;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static io.github.stealwatch.source.TestSamples.withCpus;
import static io.github.stealwatch.source.ProcRoots.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.Machines;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.trace.LeadUp;
import io.github.stealwatch.trace.Recording;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatterTest {

    /** The article's machine: a Debian stretch Xen PV guest on 4.9.30. */
    private static final ReportFormatter FORMATTER = new ReportFormatter(new HostFacts("stretch-xen-guest", "4.9.30",
            "/proc/sys/kernel/osrelease", Machines.hostFacts("xen-pv").machine()), "/proc/stat, every 100 ms");

    @Test
    void writesTheArticlesTableAndThePlainWordsBelowIt() throws Exception {
        long[] steals = {784, 1844670130367L, 1844664564089L, 1844659554439L, 1844655101417L};
        List<Sample> rows = new ArrayList<>();
        List<List<Anomaly>> anomalies = new ArrayList<>();
        for (int i = 0; i < steals.length; i++) {
            rows.add(aggregateOnly(5000 + 100 * i, steals[i]));
            anomalies.add(i == 0 ? List.of()
                    : i == 1 ? List.of(new StealJumped("cpu", 784, steals[1], 100_000_000, 1, 6012,
                            MaxDelta.Auto.withDefaultAllowance()))
                    : List.of(new StealWentBack("cpu", steals[i - 1], steals[i])));
        }

        Report report = FORMATTER.format(new Recording(rows, anomalies, false, 3));

        assertEquals("Steal time jumped! on stretch-xen-guest", report.subject());
        assertEquals(golden("article-report.txt"), report.body());
    }

    @Test
    void aModernKvmGuestsDropMatchesNoKnownIssue() throws Exception {
        // Two CPUs, 100 ms apart: the steal counter dropped by 92 ticks, then counted normally.
        ReportFormatter formatter = new ReportFormatter(Machines.hostFacts("kvm-qemu"), "/proc/stat, every 100 ms");
        long[][] cpuSteals = {{670, 670}, {624, 624}, {625, 626}, {627, 627}, {628, 630}, {630, 631}};
        List<Sample> rows = new ArrayList<>();
        List<List<Anomaly>> anomalies = new ArrayList<>();
        for (int i = 0; i < cpuSteals.length; i++) {
            rows.add(withCpus(7000 + 100 * i, cpuSteals[i]));
            anomalies.add(i == 1 ? List.of(new StealWentBack("cpu", 1340, 1248), new StealWentBack("cpu0", 670, 624),
                    new StealWentBack("cpu1", 670, 624)) : List.of());
        }

        Report report = formatter.format(new Recording(rows, anomalies, true, 0,
                new LeadUp(null, null, 7_100_000_000L)));

        assertEquals("Steal time went back! on kvm-qemu", report.subject());
        assertEquals(golden("kvm-drop-report.txt"), report.body());
    }

    @Test
    void roundsMeasuredTimesToWholeMilliseconds() {
        Recording recording = new Recording(
                List.of(new Sample(1_000_000_000L, aggregateOnly(0, 5).aggregate(), List.of()),
                        new Sample(1_100_499_999L, aggregateOnly(0, 1).aggregate(), List.of())),
                List.of(List.of(), List.of(new StealWentBack("cpu", 5, 1))), true, 0);

        assertTrue(FORMATTER.format(recording).body().contains("\n100ms  1       -4\n"));
    }

    @Test
    void printsU64CountersUnsigned() {
        Recording recording = new Recording(List.of(aggregateOnly(0, -1L), aggregateOnly(100, -3L)),
                List.of(List.of(), List.of(new StealWentBack("cpu", -1L, -3L))), true, 0);

        String body = FORMATTER.format(recording).body();

        assertTrue(body.contains("0ms    18446744073709551615\n"), body);
        assertTrue(body.contains("100ms  18446744073709551613  -2\n"), body);
    }

    @Test
    void listsEachTrippedLineOnceWithTheRowsItTrippedIn() {
        List<Sample> rows = List.of(withCpus(0, 100, 100), withCpus(100, 95, 105), withCpus(200, 90, 110));
        List<List<Anomaly>> anomalies = List.of(List.of(), List.of(new StealWentBack("cpu0", 100, 95)),
                List.of(new StealWentBack("cpu0", 95, 90)));

        String body = FORMATTER.format(new Recording(rows, anomalies, true, 0)).body();

        assertTrue(body.contains("Trigger:  cpu0: steal went back by 5 ticks\n"), body);
        assertTrue(body.contains("cpu0  100ms  100     95     2     steal went back by 5 ticks\n"), body);
    }

}
