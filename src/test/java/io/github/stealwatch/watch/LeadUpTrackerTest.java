package io.github.stealwatch.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.stealwatch.trace.LeadUp;
import org.junit.jupiter.api.Test;

class LeadUpTrackerTest {

    private static final long MS = 1_000_000L;

    private final LeadUpTracker tracker = new LeadUpTracker();

    @Test
    void aGapOfThreeIntervalsAndMoreIsAStall() {
        sampleEvery100MsUntil(1000);
        tracker.sampled(3400 * MS); // 2.4 s after the last sample: the VM did not run

        LeadUp leadUp = tracker.before(3500 * MS);

        assertEquals(new LeadUp.Stall(2400 * MS, 100 * MS, 100 * MS), leadUp.stall());
        assertEquals(3500 * MS, leadUp.watchedNanos());
    }

    @Test
    void theGapAFailedReadLeavesIsNoStall() {
        sampleEvery100MsUntil(1000);
        tracker.sampled(1200 * MS);

        assertNull(tracker.before(1200 * MS).stall());
    }

    @Test
    void aStallMoreThanTenSecondsBeforeTheTriggerIsNotItsContext() {
        sampleEvery100MsUntil(1000);
        tracker.sampled(2000 * MS);

        assertEquals(1000 * MS, tracker.before(2000 * MS).stall().gapNanos());
        assertNull(tracker.before(12_001 * MS).stall());
    }

    @Test
    void keepsTheLongestStallOfTheWindow() {
        sampleEvery100MsUntil(1000);
        tracker.sampled(1500 * MS);
        tracker.sampled(1600 * MS);
        tracker.sampled(2000 * MS); // a shorter stall after the first

        assertEquals(new LeadUp.Stall(500 * MS, 100 * MS, 500 * MS), tracker.before(2000 * MS).stall());
    }

    @Test
    void remembersTheLastCpuThatCameOnlineForTenSeconds() {
        sampleEvery100MsUntil(1000);
        tracker.cameOnline("cpu3", 900 * MS);

        assertEquals(new LeadUp.CpuOnline("cpu3", 100 * MS), tracker.before(1000 * MS).cpuOnline());
        assertNull(tracker.before(10_901 * MS).cpuOnline());
    }

    @Test
    void saysHowMuchWasWatched() {
        tracker.sampled(5000 * MS);

        assertEquals(300 * MS, tracker.before(5300 * MS).watchedNanos());
        assertEquals(LeadUp.WINDOW_NANOS, tracker.before(60_000 * MS).watchedNanos());
    }

    private void sampleEvery100MsUntil(long lastMillis) {
        for (long millis = 0; millis <= lastMillis; millis += 100) {
            tracker.sampled(millis * MS);
        }
    }
}
