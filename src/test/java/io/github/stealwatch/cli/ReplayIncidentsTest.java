package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the public incidents in traces/incidents/ (each file names its thread) and holds what
 * stealwatch says to what the thread established: caught or quiet, what the counter did, and the
 * known issue where the thread and the trace's header support one.
 */
class ReplayIncidentsTest {

    private static final List<String> NONE = List.of();

    /**
     * One incident and what its thread established.
     *
     * @param pattern      how the report's Pattern line starts, or null for a quiet trace
     * @param afterwards   words the Pattern line must hold about what the counter did next
     * @param knownIssues  the report's known issues, in order; empty for "none"
     * @param trippedLines every line that tripped, in the report's order
     */
    record Incident(String trace, String pattern, String afterwards, List<String> knownIssues,
                    List<String> trippedLines) {

        static Incident quiet(String trace) {
            return new Incident(trace, null, null, NONE, NONE);
        }

        boolean caught() {
            return pattern != null;
        }

        @Override
        public String toString() {
            return trace;
        }
    }

    static Stream<Incident> incidents() {
        return Stream.of(
                // 0xStubs: the wrap, then a counter running backwards on a 4.9 Xen PV guest, until a reboot.
                new Incident("xen-pv-article-0xstubs.trace",
                        "wrapped on cpu: the steal clock stepped back by 4277788 ticks",
                        "Afterwards it kept going back: 3 of 3 later changes went back",
                        List.of("xen-steal-back-after-migration", "backward-step-stays-before-4.11"),
                        List.of("cpu", "cpu0")),
                // LKML: a Xen live migration took 23 ticks off every vCPU; the post names no kernel, and
                // both Xen issues need one (before 4.8 Xen refused a smaller value itself).
                new Incident("xen-migration-lkml-4cpu.trace",
                        "went back on cpu: the steal counter dropped by 92 ticks",
                        "only 0 later change(s) were recorded", NONE,
                        List.of("cpu", "cpu0", "cpu1", "cpu2", "cpu3")),
                // telegraf #3885: counting down by 2.3e10 a read; three reads are too few to say more.
                new Incident("aws-telegraf-3885-counting-down.trace",
                        "went back on cpu: the steal counter dropped by 23348448961 ticks",
                        "only 1 later change(s) were recorded", NONE, List.of("cpu", "cpu0")),
                // node_exporter #742: cpu2 fell every second on Linux 4.4, the state kernels before 4.11 keep.
                new Incident("cloudvps-node-exporter-742-linux-4.4.trace",
                        "went back on cpu: the steal counter dropped by 832457433 ticks",
                        "Afterwards it kept going back: 7 of 7 later changes went back",
                        List.of("backward-step-stays-before-4.11"), List.of("cpu", "cpu2")),
                // Healthy machines whose other counters went back: the agents in the threads complained.
                Incident.quiet("laptop-psutil-2172-idle-back-after-suspend.trace"),
                Incident.quiet("kvm-host-netdata-729-guest-time.trace"),
                Incident.quiet("rhel7-node-exporter-1372-iowait-jitter.trace"),
                Incident.quiet("sles11-node-exporter-1853-iowait-back.trace"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incidents")
    void saysWhatTheThreadEstablished(Incident incident) {
        CliRun run = CliRun.run("replay", CliTest.resource("/traces/incidents/" + incident.trace()), "--mail-to", "-");

        if (!incident.caught()) {
            assertEquals(0, run.exitCode, run.toString());
            assertEquals("", run.out, run.toString());
            return;
        }
        assertEquals(2, run.exitCode, run.toString());
        ReportText report = ReportText.parse(run.out);
        assertEquals(1, report.count(), "one report, " + run);
        String subject = incident.pattern().startsWith("went back") ? "Steal time went back!" : "Steal time jumped!";
        assertTrue(report.subject().startsWith(subject + " on "), report.subject());
        String pattern = report.field("Pattern:").get(0);
        assertTrue(pattern.startsWith(incident.pattern()), pattern);
        assertTrue(pattern.contains(incident.afterwards()), pattern);
        assertEquals(incident.knownIssues(), report.knownIssueIds(), run.out);
        assertEquals(incident.trippedLines(), report.trippedLines(), run.out);
    }
}
