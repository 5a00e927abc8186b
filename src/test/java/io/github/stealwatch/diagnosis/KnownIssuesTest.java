package io.github.stealwatch.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.source.MachineFacts;
import io.github.stealwatch.source.Machines;
import io.github.stealwatch.trace.LeadUp;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownIssuesTest {

    private static final Finding WRAP = Finding.classify(new StealJumped("cpu", 784, 1844670130367L, 100_000_000, 1,
            6012, MaxDelta.Auto.withDefaultAllowance()), 784, 1844670130367L, 100_000_000);
    private static final Finding DROP = Finding.classify(new StealWentBack("cpu", 1340, 1248), 1340, 1248, 100_000_000);
    private static final Finding CPU3_DROP =
            Finding.classify(new StealWentBack("cpu3", 335, 2), 335, 2, 100_000_000);
    private static final Finding JUMP = Finding.classify(new StealJumped("cpu", 0, 90_000, 100_000_000, 1, 6012,
            MaxDelta.Auto.withDefaultAllowance()), 0, 90_000, 100_000_000);

    private static final Afterwards BROKEN = new Afterwards(Aftermath.KEPT_GOING_BACK, 19, 19, 0, 0, 0, false);
    private static final Afterwards NORMAL = new Afterwards(Aftermath.NORMAL_AGAIN, 19, 0, 90, 1_900_000_000, 192,
            false);
    private static final LeadUp CPU3_ONLINE =
            new LeadUp(null, new LeadUp.CpuOnline("cpu3", 200_000_000), 10_000_000_000L);

    @Test
    void theArticlesTraceMatchesXenMigrationAndTheKernelsBefore411() {
        assertEquals(List.of("xen-steal-back-after-migration", "backward-step-stays-before-4.11"),
                ids(evidence(WRAP, BROKEN, "xen-pv", "4.9.30", LeadUp.NONE)));
    }

    @Test
    void xenMigrationNeedsXenLinux48AndAStepBack() {
        assertTrue(matches(KnownIssues.XEN_MIGRATION, evidence(DROP, NORMAL, "xen-hvm", "5.10.0", LeadUp.NONE)));
        assertFalse(matches(KnownIssues.XEN_MIGRATION, evidence(DROP, NORMAL, "kvm-qemu", "5.10.0", LeadUp.NONE)));
        assertFalse(matches(KnownIssues.XEN_MIGRATION, evidence(DROP, BROKEN, "xen-pv", "4.7.10", LeadUp.NONE)),
                "before ecb23dc6f2ef Xen's own accounting ignored a smaller steal value");
        assertFalse(matches(KnownIssues.XEN_MIGRATION, evidence(JUMP, NORMAL, "xen-pv", "4.9.30", LeadUp.NONE)));
        assertFalse(matches(KnownIssues.XEN_MIGRATION, evidence(DROP, NORMAL, "xen-pv", "unknown", LeadUp.NONE)),
                "an unknown kernel matches nothing");
    }

    @Test
    void kernelsBefore411NeedAStepBackThatDidNotRecover() {
        assertTrue(matches(KnownIssues.BEFORE_4_11, evidence(DROP, BROKEN, "kvm-qemu", "4.10.17", LeadUp.NONE)));
        assertFalse(matches(KnownIssues.BEFORE_4_11, evidence(DROP, BROKEN, "kvm-qemu", "4.11.0", LeadUp.NONE)));
        assertFalse(matches(KnownIssues.BEFORE_4_11, evidence(DROP, NORMAL, "kvm-qemu", "4.9.30", LeadUp.NONE)),
                "a counter that counts normally again contradicts it");
        assertFalse(matches(KnownIssues.BEFORE_4_11, evidence(JUMP, BROKEN, "kvm-qemu", "4.9.30", LeadUp.NONE)));
    }

    @Test
    void theKvmHostBugNeedsKvmAndAWrap() {
        assertTrue(matches(KnownIssues.KVM_HOST_MIGRATION, evidence(WRAP, NORMAL, "ec2-nitro", "6.1.0", LeadUp.NONE)));
        assertTrue(matches(KnownIssues.KVM_HOST_MIGRATION, evidence(WRAP, NORMAL, "firecracker", "6.1.0",
                LeadUp.NONE)), "kvm-clock among the clocksources is enough");
        assertFalse(matches(KnownIssues.KVM_HOST_MIGRATION, evidence(DROP, NORMAL, "ec2-nitro", "6.1.0", LeadUp.NONE)));
        assertFalse(matches(KnownIssues.KVM_HOST_MIGRATION, evidence(WRAP, NORMAL, "vmware", "6.1.0", LeadUp.NONE)));
    }

    @Test
    void hotplugNeedsACpuOnlineJustBeforeOnTheLineThatTripped() {
        assertTrue(matches(KnownIssues.HOTPLUG, evidence(CPU3_DROP, NORMAL, "kvm-qemu", "6.1.0", CPU3_ONLINE)));
        assertTrue(matches(KnownIssues.HOTPLUG, evidence(WRAP, NORMAL, "kvm-qemu", "6.1.0", CPU3_ONLINE)),
                "the aggregate covers cpu3");
        assertFalse(matches(KnownIssues.HOTPLUG, evidence(CPU3_DROP, NORMAL, "kvm-qemu", "6.1.0", LeadUp.NONE)));
        LeadUp cpu5Online = new LeadUp(null, new LeadUp.CpuOnline("cpu5", 0), 10_000_000_000L);
        assertFalse(matches(KnownIssues.HOTPLUG, evidence(CPU3_DROP, NORMAL, "kvm-qemu", "6.1.0", cpu5Online)));
    }

    @Test
    void anArm64KvmCpuThatCameBackRestartsItsStolenTime() {
        Evidence arm = evidence(CPU3_DROP, NORMAL, "arm64-kvm", "6.1.0", CPU3_ONLINE);

        assertEquals(List.of("arm64-kvm-stolen-time-restarts"), ids(arm), "and not the hotplug bug as well");
        assertFalse(matches(KnownIssues.ARM64_PVTIME_RESET, evidence(CPU3_DROP, NORMAL, "kvm-qemu", "6.1.0",
                CPU3_ONLINE)), "an x86 guest");
        assertFalse(matches(KnownIssues.ARM64_PVTIME_RESET, evidence(CPU3_DROP, NORMAL, "arm64-kvm", "6.1.0",
                LeadUp.NONE)));
    }

    @Test
    void aModernKvmDropMatchesNothing() {
        assertEquals(List.of(), ids(evidence(DROP, NORMAL, "kvm-qemu", "6.1.0-18-amd64", LeadUp.NONE)));
    }

    @Test
    void everyIssueNamesItsSources() {
        for (KnownIssue issue : KnownIssues.ALL) {
            assertFalse(issue.sources().isEmpty(), issue.id());
            assertTrue(issue.id().matches("[a-z0-9.-]+"), issue.id());
        }
    }

    private static Evidence evidence(Finding finding, Afterwards afterwards, String machine, String kernel,
                                     LeadUp leadUp) {
        MachineFacts facts = Machines.hostFacts(machine).machine();
        return new Evidence(finding, afterwards, facts, KernelVersion.of(kernel), leadUp);
    }

    private static boolean matches(KnownIssue issue, Evidence evidence) {
        return issue.matches().test(evidence);
    }

    private static List<String> ids(Evidence evidence) {
        return KnownIssues.matching(evidence).stream().map(KnownIssue::id).toList();
    }
}
