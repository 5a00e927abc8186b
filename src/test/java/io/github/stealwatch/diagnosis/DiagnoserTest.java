package io.github.stealwatch.diagnosis;

import static io.github.stealwatch.diagnosis.DiagnosisFixtures.recording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.source.Machines;
import io.github.stealwatch.trace.LeadUp;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnoserTest {

    @Test
    void diagnosesTheArticlesRecordingOnAXenPvGuest() {
        Diagnosis diagnosis = Diagnoser.diagnose(recording(LeadUp.NONE, 784, 1844670130367L, 1844664564089L,
                1844659554439L, 1844655101417L), Machines.hostFacts("xen-pv"));

        assertEquals(Pattern.WRAPPED, diagnosis.pattern());
        assertEquals(4_277_788L, diagnosis.finding().stepBackTicks());
        assertEquals(Aftermath.KEPT_GOING_BACK, diagnosis.after());
        assertEquals(List.of("xen-steal-back-after-migration", "backward-step-stays-before-4.11"),
                diagnosis.knownIssueIds(), "4.9.0-3-amd64");
        assertNull(diagnosis.betweenRunsNanos());
    }

    @Test
    void diagnosesTwoAuditsFromTheirValuesAndTheLiveWindowAfter() {
        long tenMinutes = 600_000_000_000L;
        StealJumped wrap = new StealJumped("cpu", 9, 1844670129592L, tenMinutes, 2, 132004,
                MaxDelta.Auto.withDefaultAllowance());

        Diagnosis diagnosis = Diagnoser.betweenRuns(List.of(wrap), tenMinutes,
                recording(LeadUp.NONE, 1844670129592L, 1844670129594L, 1844670129595L, 1844670129597L).rows(),
                Machines.hostFacts("ec2-nitro"));

        assertEquals(Pattern.WRAPPED, diagnosis.pattern());
        assertEquals(4_277_788L, diagnosis.finding().stepBackTicks());
        assertEquals(tenMinutes, diagnosis.finding().elapsedNanos());
        assertEquals(Aftermath.NORMAL_AGAIN, diagnosis.after());
        assertEquals(tenMinutes, diagnosis.betweenRunsNanos());
        assertEquals(LeadUp.NONE, diagnosis.leadUp());
        assertEquals(List.of("kvm-host-steal-init-on-migration"), diagnosis.knownIssueIds());
    }
}
