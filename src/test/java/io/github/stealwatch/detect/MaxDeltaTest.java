package io.github.stealwatch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaxDeltaTest {

    private static final long MS = 1_000_000;

    @ParameterizedTest(name = "{0} ms on {1} CPUs: at most {2} can accrue, {3} allowed")
    @CsvSource(textBlock = """
            100,   1,  10,    22
            100,   2,  20,    44
            100,  64,  640,   1408
            101,   1,  11,    24
            1000,  1,  100,   202
            0,     4,  0,     8
            """)
    void autoAllowsTwiceThePhysicalMaximumPlusTwoTicksPerCpu(long millis, int cpus, long physical, long allowed) {
        assertEquals(physical, MaxDelta.Auto.physicalMaximum(millis * MS, cpus));
        assertEquals(allowed, new MaxDelta.Auto().allowed(millis * MS, cpus));
    }

    @Test
    void autoSaturatesInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE, new MaxDelta.Auto().allowed(Long.MAX_VALUE, 1024));
    }

    @Test
    void ticksAreTheSameWhateverTheTime() {
        assertEquals(100000, new MaxDelta.Ticks(100000).allowed(5 * MS, 64));
    }

    @Test
    void ticksMustNotBeNegative() {
        assertThrows(IllegalArgumentException.class, () -> new MaxDelta.Ticks(-1));
    }
}
