package io.github.stealwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.spool.Outbox.Outcome;
import io.github.stealwatch.time.FakeClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveMetricsTest {

    private final FakeClock clock = new FakeClock();
    private final LiveMetrics metrics = new LiveMetrics(clock);

    @Test
    void theStealRatioIsStealsShareOfAllCpuTimeSinceTheLastTake() {
        metrics.sampled(aggregate(1000, 100));
        metrics.sampled(aggregate(2000, 150)); // 50 of 1000 ticks

        assertEquals(0.05, metrics.take(0).stealRatio(), 1e-12);

        metrics.sampled(aggregate(3000, 350)); // the next interval starts where the last ended: 200 of 1000
        assertEquals(0.2, metrics.take(0).stealRatio(), 1e-12);
    }

    @Test
    void theStealRatioIsNaNForAnIntervalInWhichACounterMisbehavedAndOnlyForIt() {
        metrics.sampled(aggregate(1000, 100));
        metrics.anomalous(null, List.of(new StealWentBack("cpu0", 10, 5))); // in the sample counted next
        metrics.sampled(aggregate(2000, 150));

        assertTrue(Double.isNaN(metrics.take(0).stealRatio()));

        metrics.sampled(aggregate(3000, 250));
        assertEquals(0.1, metrics.take(0).stealRatio(), 1e-12);
    }

    @Test
    void aWriteBetweenTheAnomalyAndItsSampleLeavesTheRatioOfTheNextIntervalNaN() {
        metrics.sampled(aggregate(1000, 100));
        metrics.sampled(aggregate(2000, 150));
        // The watchdog has judged the next sample anomalous; the writer thread takes before the
        // loop counts that sample.
        metrics.anomalous(null, List.of(new StealJumped("cpu", 150, 1844670130517L, 100_000_000, 2, 2204,
                MaxDelta.Auto.withDefaultAllowance())));
        assertEquals(0.05, metrics.take(0).stealRatio(), 1e-12, "this interval ends before the jump");
        metrics.sampled(aggregate(1844670131517L, 1844670130517L));

        assertTrue(Double.isNaN(metrics.take(0).stealRatio()), "the interval with the jump in it");
    }

    @Test
    void beforeAnySampleOrWithoutCpuTimePassingThereIsNoRatio() {
        assertTrue(Double.isNaN(metrics.take(0).stealRatio()));

        metrics.sampled(aggregate(1000, 100));
        assertTrue(Double.isNaN(metrics.take(0).stealRatio()));
    }

    @Test
    void aSampleCountsOnceForEachKindOfAnomalyInIt() {
        StealJumped jump = new StealJumped("cpu", 0, 1844670130367L, 100_000_000, 2, 12020,
                MaxDelta.Auto.withDefaultAllowance());
        metrics.anomalous(null, List.of(jump, new StealWentBack("cpu0", 10, 5), new StealWentBack("cpu1", 9, 3)));
        clock.advanceMillis(500);
        metrics.anomalous(null, List.of(jump));

        Readings readings = metrics.take(0);

        assertEquals(1, readings.counts().wentBack());
        assertEquals(2, readings.counts().jumped());
        assertEquals(Instant.parse("2026-11-26T00:16:40.500Z").toEpochMilli() / 1000.0, readings.lastAnomalySeconds());
    }

    @Test
    void countsSamplesReadErrorsStallsAndWhatBecameOfEachReport() {
        metrics.sampled(aggregate(1000, 100));
        metrics.sampled(aggregate(2000, 100));
        metrics.readFailed();
        metrics.stalled(1_000_000_000);
        for (Outcome outcome : List.of(Outcome.SENT, Outcome.SENT, Outcome.SPOOLED, Outcome.PRINTED,
                Outcome.PRINTED_TO_STANDARD_ERROR, Outcome.DROPPED)) {
            metrics.outcome(outcome);
        }

        Readings readings = metrics.take(3);

        assertEquals(new Counts(2, 1, 1, 0, 0, 2, 1, 2, 1), readings.counts());
        assertEquals(3, readings.spoolReports());
        assertEquals(0, readings.lastAnomalySeconds());
    }

    /** A read whose aggregate line spent {@code total} ticks in all, {@code steal} of them stolen. */
    private static StatSnapshot aggregate(long total, long steal) {
        long idle = total - steal;
        return StatSnapshot.of(new Sample(0, new CpuLine("cpu", CpuLine.AGGREGATE,
                new long[] {0, 0, 0, idle, 0, 0, 0, steal, 7, 0}), List.of()));
    }
}
