package io.github.stealwatch.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrapArithmeticTest {

    @Test
    void theWrapIsTwoToTheSixtyFourNanosecondsInTicks() {
        BigInteger[] ticksAndNanos = BigInteger.TWO.pow(64).divideAndRemainder(BigInteger.valueOf(10_000_000));

        assertEquals(ticksAndNanos[0].longValueExact(), WrapArithmetic.WRAP_TICKS);
        assertEquals(9_551_616, ticksAndNanos[1].longValueExact(), "W = 1844674407370.9551616");
    }

    @Test
    void theArticlesRiseIsAStepBackOf4277788Ticks() {
        long rise = 1844670130367L - 784;

        assertEquals(1844670129583L, rise);
        assertTrue(WrapArithmetic.isWrap(rise));
        assertEquals(4_277_788, WrapArithmetic.stepBackTicks(rise));
        assertEquals("11 h 52 min 58 s", WrapArithmetic.duration(4_277_788));
    }

    @Test
    void aStepBackOfExactlyTheWindowIsAWrapAndOneMoreIsNot() {
        long widest = WrapArithmetic.WRAP_TICKS + 1 - WrapArithmetic.MAX_STEP_BACK_TICKS;

        assertEquals(WrapArithmetic.MAX_STEP_BACK_TICKS, WrapArithmetic.stepBackTicks(widest));
        assertTrue(WrapArithmetic.isWrap(widest));
        assertFalse(WrapArithmetic.isWrap(widest - 1), "floor(W) - 10^12: a step back of 10^12 + 1 ticks");
    }

    @Test
    void theLargestPrintableRiseIsAStepBackOfOneTickAndAnythingAboveIsNoWrap() {
        assertEquals(1, WrapArithmetic.stepBackTicks(WrapArithmetic.WRAP_TICKS));
        assertTrue(WrapArithmetic.isWrap(WrapArithmetic.WRAP_TICKS));
        assertFalse(WrapArithmetic.isWrap(WrapArithmetic.WRAP_TICKS + 1));
        assertFalse(WrapArithmetic.isWrap(-5), "a drop is no rise");
    }

    @ParameterizedTest
    @CsvSource({"1, 0.01 s", "92, 0.92 s", "5999, 59.99 s", "6000, 1 min 0 s", "360000, 1 h 0 min 0 s",
            "8640000, 1 d 0 h 0 min 0 s", "9000049, 1 d 1 h 0 min 0 s", "9000050, 1 d 1 h 0 min 1 s"})
    void saysTicksAsTime(long ticks, String expected) {
        assertEquals(expected, WrapArithmetic.duration(ticks));
    }
}
