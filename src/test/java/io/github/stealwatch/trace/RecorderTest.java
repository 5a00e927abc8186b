package io.github.stealwatch.trace;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.StealWentBack;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecorderTest {

    private static final List<Anomaly> BACK = List.of(new StealWentBack("cpu", 10, 5));

    @Test
    void keepsTheSampleBeforeTheTriggerAndTheGivenNumberOfRowsAfterIt() {
        Recorder recorder = new Recorder(3);
        recorder.start(aggregateOnly(0, 10), aggregateOnly(100, 5), BACK, 0, LeadUp.NONE);
        recorder.add(aggregateOnly(200, 4), BACK);
        assertFalse(recorder.isFull());
        recorder.add(aggregateOnly(300, 4), List.of());

        assertTrue(recorder.isFull());
        Recording recording = recorder.finish();
        assertEquals(4, recording.rows().size());
        assertEquals(List.of(10L, 5L, 4L, 4L), recording.rows().stream().map(s -> s.aggregate().steal()).toList());
        assertEquals(BACK, recording.trigger());
        assertTrue(recording.complete());
    }

    @Test
    void neverGrowsPastItsCapacity() {
        Recorder recorder = new Recorder(1);
        recorder.start(aggregateOnly(0, 10), aggregateOnly(100, 5), BACK, 0, LeadUp.NONE);

        assertTrue(recorder.isFull());
        assertThrows(IllegalStateException.class, () -> recorder.add(aggregateOnly(200, 4), List.of()));
    }

    @Test
    void handsOverARecordingCutShortAndRearms() {
        Recorder recorder = new Recorder(20);
        LeadUp paused = new LeadUp(new LeadUp.Stall(2_000_000_000L, 100_000_000L, 0), null, 5_000_000_000L);
        recorder.start(aggregateOnly(0, 10), aggregateOnly(100, 5), BACK, 7, paused);

        Recording recording = recorder.finish();

        assertFalse(recording.complete());
        assertEquals(2, recording.rows().size());
        assertEquals(7, recording.suppressedSamples());
        assertEquals(paused, recording.leadUp());
        assertFalse(recorder.isRecording());
        recorder.start(aggregateOnly(900, 1), aggregateOnly(1000, 0), BACK, 0, LeadUp.NONE);
        Recording next = recorder.finish();
        assertEquals(0, next.suppressedSamples());
        assertEquals(LeadUp.NONE, next.leadUp());
    }

    @Test
    void needsAtLeastOneRowAfterTheFirst() {
        assertThrows(IllegalArgumentException.class, () -> new Recorder(0));
    }
}
