package io.github.stealwatch.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CadenceTest {

    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MICROS = 1_000;

    @Test
    void percentilesComeFromTheDeviationsEitherWay() {
        Cadence cadence = new Cadence(INTERVAL);
        long time = 0;
        cadence.sampled(time);
        for (int i = 0; i < 98; i++) {
            cadence.sampled(time += INTERVAL + (i % 2 == 0 ? 25 : -25) * MICROS); // 25 µs late, then early
        }
        cadence.sampled(time += INTERVAL + 700 * MICROS);
        cadence.sampled(time += INTERVAL + 3_500 * MICROS);

        assertEquals(100, cadence.intervals());
        assertEquals(30 * MICROS, cadence.percentileNanos(50)); // the top of the 20-30 µs bucket
        assertEquals(710 * MICROS, cadence.percentileNanos(99));
        assertEquals(3_500 * MICROS, cadence.maxNanos());
        assertTrue(cadence.summary().startsWith("100 intervals of 100 ms; off by at most 0.03 ms (half of them), "
                + "0.71 ms (99%), 3.50 ms (all)"), cadence.summary());
    }

    @Test
    void aRestartLeavesTheGapOut() {
        Cadence cadence = new Cadence(INTERVAL);
        cadence.sampled(0);
        cadence.sampled(INTERVAL);
        cadence.restart();
        cadence.sampled(10 * INTERVAL);
        cadence.sampled(11 * INTERVAL);

        assertEquals(2, cadence.intervals());
        assertEquals(0, cadence.maxNanos());
    }

    @Test
    void aDeviationBeyondTheHistogramStillCountsWithItsExactMaximum() {
        Cadence cadence = new Cadence(INTERVAL);
        cadence.sampled(0);
        cadence.sampled(3 * INTERVAL);

        assertEquals(2 * INTERVAL, cadence.percentileNanos(99));
        assertEquals(2 * INTERVAL, cadence.maxNanos());
    }
}
