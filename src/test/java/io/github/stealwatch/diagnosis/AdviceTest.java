package io.github.stealwatch.diagnosis;

import static io.github.stealwatch.diagnosis.DiagnosisFixtures.recording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.Machines;
import io.github.stealwatch.trace.LeadUp;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdviceTest {

    private static final long[] BROKEN = {784, 1844670130367L, 1844664564089L, 1844659554439L, 1844655101417L};
    private static final long[] ONE_STEP = {1340, 1248, 1250, 1251, 1253};

    @Test
    void aCounterThatKeepsGoingBackNeedsAReboot() {
        List<String> advice = advice("xen-pv", BROKEN);

        assertTrue(advice.get(0).startsWith("Reboot this VM"), advice.toString());
        assertTrue(advice.contains("nopv does not help here: Xen PV guests ignore it (arch/x86/xen/enlighten_pv.c)."),
                advice.toString());
        assertTrue(advice.get(advice.size() - 1).startsWith("Until the counter is sane again, top, vmstat, sar, "
                + "node_exporter"), advice.toString());
    }

    @Test
    void eachMatchingIssueAddsItsRemedy() {
        List<String> advice = advice("xen-pv", BROKEN);

        assertTrue(advice.contains("xen-steal-back-after-migration: " + KnownIssues.XEN_MIGRATION.remedy()));
        assertTrue(advice.contains("backward-step-stays-before-4.11: " + KnownIssues.BEFORE_4_11.remedy()));
    }

    @Test
    void aOneTimeStepNeedsNoRebootAndNoNopv() {
        List<String> advice = advice("kvm-qemu", ONE_STEP);

        assertEquals("The counter needs no reboot: it counts normally again.", advice.get(0));
        assertTrue(advice.stream().noneMatch(sentence -> sentence.contains("nopv")), advice.toString());
        assertTrue(advice.stream().anyMatch(sentence -> sentence.startsWith("No known issue explains it")));
    }

    @Test
    void nopvIsALastResortOnAKvmGuestWhoseCounterIsBroken() {
        assertTrue(advice("ec2-nitro", BROKEN).stream().anyMatch(sentence -> sentence.startsWith(
                "Booting with nopv turns steal accounting off on this guest")));
        assertTrue(advice("arm64-kvm", BROKEN).stream().noneMatch(sentence -> sentence.contains("nopv")),
                "nopv is an x86 option");
    }

    @Test
    void saysNoStealAccDoesNotHelpAndWhenTheMachineBootsWithIt() {
        assertTrue(advice("kvm-qemu", ONE_STEP).stream().anyMatch(sentence -> sentence.startsWith(
                "Do not boot with no-steal-acc for this: it only keeps steal out of the scheduler")));
        assertTrue(advice("vmware", ONE_STEP).stream().anyMatch(sentence -> sentence.startsWith(
                "This machine boots with no-steal-acc, and that does not help")));
    }

    private static List<String> advice(String machine, long... steals) {
        HostFacts host = Machines.hostFacts(machine);
        return Advice.of(Diagnoser.diagnose(recording(LeadUp.NONE, steals), host));
    }
}
