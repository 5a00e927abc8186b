package io.github.stealwatch.report;

import static io.github.stealwatch.diagnosis.DiagnosisFixtures.recording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.diagnosis.Diagnoser;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.MachineFacts;
import io.github.stealwatch.source.Machines;
import io.github.stealwatch.trace.LeadUp;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisSectionTest {

    private static final long[] ARTICLE = {784, 1844670130367L, 1844664564089L, 1844659554439L, 1844655101417L};

    @Test
    void hasTheLabelledLinesInOrderWrappedUnderTheirText() {
        String section = section(Machines.hostFacts("xen-pv"), LeadUp.NONE, ARTICLE);
        List<String> labels = section.lines().filter(line -> !line.startsWith("               "))
                .map(line -> line.strip().substring(0, line.strip().indexOf(':') + 1)).toList();

        assertEquals(List.of("Diagnosis:", "Pattern:", "Context:", "Machine:", "Known issue:", "Known issue:",
                "What to do:"), labels);
        for (String line : section.lines().toList()) {
            assertTrue(line.length() <= LabelledText.WIDTH || !line.strip().contains(" "),
                    "only a single long word (a URL) may pass the width: " + line);
        }
    }

    @Test
    void saysWhatWasSeenBeforeTheTrigger() {
        LeadUp leadUp = new LeadUp(new LeadUp.Stall(2_400_000_000L, 100_000_000L, 300_000_000L),
                new LeadUp.CpuOnline("cpu1", 1_200_000_000L), 10_000_000_000L);

        String section = flat(section(Machines.hostFacts("kvm-qemu"), leadUp, 1340, 1248, 1250, 1251, 1253));

        assertTrue(section.contains("Context: Sampling stalled 300 ms before the trigger: 2400 ms passed between two "
                + "samples usually 100 ms apart, so the VM did not run or the host starved it (a live migration, a "
                + "snapshot or a host freeze does this). cpu1 came online 1200 ms before the trigger."), section);
    }

    @Test
    void namesWhatItDoesNotKnowAndWhy() {
        HostFacts unknown = new HostFacts("h", "unknown", "not in the trace's header",
                MachineFacts.unknown("not in the trace's header"));

        String section = flat(section(unknown, LeadUp.NONE, ARTICLE));

        assertTrue(section.contains("Machine: Unknown: hypervisor, DMI, clocksource, available clocksources, "
                + "kernel, boot options, arch (not in the trace's header)."), section);
        assertTrue(section.contains("Known issue: none: no known issue matches an unknown kernel on an unknown "
                + "hypervisor with this pattern."), section);
    }

    @Test
    void aJumpIsNoWrapAndSaysWhy() {
        String section = flat(section(Machines.hostFacts("kvm-qemu"), LeadUp.NONE, 100, 90_100, 90_105, 90_110,
                90_115));

        assertTrue(section.contains("Pattern: jumped on cpu: steal rose by 90000 ticks in 100 ms; at most 6012 can "
                + "have accrued"), section);
        assertTrue(section.contains("Too small for a wrap, which shows as a rise within 10^12 ticks below 2^64 ns "
                + "(1844674407370 ticks)."), section);
    }

    private static String section(HostFacts host, LeadUp leadUp, long... steals) {
        return DiagnosisSection.format(Diagnoser.diagnose(recording(leadUp, steals), host));
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
