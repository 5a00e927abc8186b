package io.github.stealwatch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @ParameterizedTest(name = "rise of {0} in {1} ms on {2} CPUs: starts afresh {3}")
    @CsvSource(textBlock = """
            10,  100,  1,  true
            11,  100,  1,  false
            10,  109,  1,  true
            20,  100,  2,  true
            21,  100,  2,  false
            0,   0,    1,  true
            1,   0,    1,  false
            """)
    void autoStartsAfreshWhereTheRiseIsWithinWallTimeAlone(long rise, long millis, int cpus, boolean afresh) {
        assertEquals(afresh, MaxDelta.Auto.withDefaultAllowance().startsAfresh(rise, millis * MS, cpus));
    }

    @Test
    void autoSaturatesInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE / MaxDelta.NANOS_PER_TICK + 2048,
                MaxDelta.Auto.withDefaultAllowance().allowed(Long.MAX_VALUE, 1024));
        assertTrue(MaxDelta.Auto.withDefaultAllowance().startsAfresh(Long.MAX_VALUE / MaxDelta.NANOS_PER_TICK,
                Long.MAX_VALUE, 1024));
    }

    @Test
    void aNegativeElapsedTimeCountsAsNone() {
        assertEquals(2, new MaxDelta.Auto(0).allowed(-5 * MS, 1));
        assertFalse(new MaxDelta.Auto(0).startsAfresh(1, -5 * MS, 1));
    }

    @Test
    void ticksAreTheSameWhateverTheTimeAndEachSampleStartsAfresh() {
        assertEquals(100000, new MaxDelta.Ticks(100000).allowed(5 * MS, 64));
        assertTrue(new MaxDelta.Ticks(100000).startsAfresh(100000, 5 * MS, 64));
    }

    @Test
    void neitherBoundMayBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new MaxDelta.Ticks(-1));
        assertThrows(IllegalArgumentException.class, () -> new MaxDelta.Auto(-1));
    }
}
