package io.github.stealwatch.trace;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.TestSamples;
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
    void onAHostOfManyCpusItStopsWhereAnotherRowWouldPassTheLineBound() {
        Sample before = manyCpus(0);
        Recorder recorder = new Recorder(20);
        recorder.start(before, manyCpus(100), BACK, 0, LeadUp.NONE);
        recorder.add(manyCpus(200), List.of());
        assertFalse(recorder.isFull(), "3 rows of 8,192 lines hold 24,576: a fourth fits");
        recorder.add(manyCpus(300), List.of());

        assertTrue(recorder.isFull(), "a fifth would pass " + Recorder.MAX_CPU_LINES);
        Recording recording = recorder.finish();
        assertEquals(4, recording.rows().size());
        assertTrue(recording.complete(), "not cut short: it holds as many rows as fit");
        assertTrue(recording.atLineBound());
    }

    @Test
    void rowsOfUpToTheBoundsShareAreAllKept() {
        Recorder recorder = new Recorder(20);
        Sample largest = TestSamples.withCpus(0, new long[Recorder.MAX_CPU_LINES / 21 - 1]);
        recorder.start(largest, largest, BACK, 0, LeadUp.NONE);
        for (int row = 2; row < 20; row++) {
            recorder.add(largest, List.of());
        }
        assertFalse(recorder.isFull());
        recorder.add(largest, List.of());

        Recording recording = recorder.finish();
        assertEquals(21, recording.rows().size(), Recorder.MAX_CPU_LINES / 21 + " lines a row");
        assertFalse(recording.atLineBound(), "the rows asked for ended it");
    }

    @Test
    void needsAtLeastOneRowAfterTheFirst() {
        assertThrows(IllegalArgumentException.class, () -> new Recorder(0));
    }

    /** A sample of 8,191 cpuN lines and the aggregate: 8,192 lines. */
    private static Sample manyCpus(long millis) {
        return TestSamples.withCpus(millis, new long[8191]);
    }
}
