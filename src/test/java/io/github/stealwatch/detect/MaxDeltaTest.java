package io.github.stealwatch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaxDeltaTest {

    private static final long MS = 1_000_000;

    @ParameterizedTest(name = "{0} ms plus {1} ms on {2} CPUs: {3} allowed")
    @CsvSource(textBlock = """
            100,    60000,  1,   6012
            100,    60000,  2,   12024
            60100,  60000,  1,   12012
            100,    0,      1,   12
            100,    0,      2,   24
            101,    0,      1,   12
            109,    0,      1,   12
            110,    0,      1,   13
            0,      0,      4,   8
            100,    0,      64,  768
            """)
    void autoAllowsTheStretchPlusTheAllowanceOnEachCpuAndTwoTicksPerCpu(long millis, long allowanceMillis, int cpus,
                                                                        long allowed) {
        assertEquals(allowed, new MaxDelta.Auto(allowanceMillis * MS).allowed(millis * MS, cpus));
    }

    @ParameterizedTest(name = "rise of {0} in {1} ms on {2} CPUs: {3}")
    @CsvSource(textBlock = """
            10,    100,  1,  STARTS_AFRESH
            11,    100,  1,  WITHIN
            10,    109,  1,  STARTS_AFRESH
            20,    100,  2,  STARTS_AFRESH
            21,    100,  2,  WITHIN
            0,     0,    1,  STARTS_AFRESH
            1,     0,    1,  WITHIN
            6012,  100,  1,  WITHIN
            6013,  100,  1,  EXCEEDS
            """)
    void autoStartsAfreshWhereTheRiseIsWithinWallTimeAloneAndTripsAboveTheAllowance(long rise, long millis, int cpus,
                                                                                     MaxDelta.Fit fit) {
        assertEquals(fit, MaxDelta.Auto.withDefaultAllowance().fit(rise, millis * MS, cpus));
    }

    @Test
    void autoSaturatesInsteadOfOverflowing() {
        long most = Long.MAX_VALUE / MaxDelta.NANOS_PER_TICK;
        assertEquals(most + 2048, MaxDelta.Auto.withDefaultAllowance().allowed(Long.MAX_VALUE, 1024));
        assertEquals(MaxDelta.Fit.STARTS_AFRESH, MaxDelta.Auto.withDefaultAllowance().fit(most, Long.MAX_VALUE, 1024));
        assertEquals(MaxDelta.Fit.EXCEEDS, MaxDelta.Auto.withDefaultAllowance().fit(Long.MAX_VALUE, Long.MAX_VALUE, 1));
    }

    @Test
    void aNegativeElapsedTimeCountsAsNone() {
        assertEquals(2, new MaxDelta.Auto(0).allowed(-5 * MS, 1));
        assertEquals(MaxDelta.Fit.WITHIN, new MaxDelta.Auto(0).fit(1, -5 * MS, 1));
    }

    @Test
    void ticksAreTheSameWhateverTheTimeAndEachSampleStartsAfresh() {
        assertEquals(100000, new MaxDelta.Ticks(100000).allowed(5 * MS, 64));
        assertEquals(MaxDelta.Fit.STARTS_AFRESH, new MaxDelta.Ticks(100000).fit(100000, 5 * MS, 64));
        assertEquals(MaxDelta.Fit.EXCEEDS, new MaxDelta.Ticks(100000).fit(100001, 5 * MS, 64));
    }

    @Test
    void neitherBoundMayBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new MaxDelta.Ticks(-1));
        assertThrows(IllegalArgumentException.class, () -> new MaxDelta.Auto(-1));
    }
}
