package io.github.stealwatch.diagnosis;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

    private static final long TENTH = 100_000_000L;

    @Test
    void theArticlesJumpIsAWrap() {
        Finding finding = Finding.classify(jump("cpu", 784, 1844670130367L), 784, 1844670130367L, TENTH);

        assertEquals(Pattern.WRAPPED, finding.pattern());
        assertEquals(4_277_788L, finding.stepBackTicks());
    }

    @Test
    void aRiseJustBelowTheWrapWindowIsAJump() {
        long rise = WrapArithmetic.WRAP_TICKS - WrapArithmetic.MAX_STEP_BACK_TICKS;
        Finding finding = Finding.classify(jump("cpu", 0, rise), 0, rise, TENTH);

        assertEquals(Pattern.JUMPED, finding.pattern());
        assertNull(finding.stepBackTicks());
    }

    @Test
    void aRiseOneTickBeyondTheDetectorsBoundIsAJumpNotAWrap() {
        Finding finding = Finding.classify(jump("cpu", 100, 100 + 6013), 100, 100 + 6013, TENTH);

        assertEquals(Pattern.JUMPED, finding.pattern());
    }

    @Test
    void aDropOfOneTickWentBackByOne() {
        Finding finding = Finding.classify(new StealWentBack("cpu", 10, 9), 10, 9, TENTH);

        assertEquals(Pattern.WENT_BACK, finding.pattern());
        assertEquals(1L, finding.stepBackTicks());
    }

    @Test
    void judgesAStretchsJumpByTheRiseFromTheSampleBefore() {
        // With --max-delta auto the anomaly's "before" is where its stretch began, not the sample before.
        Sample before = aggregateOnly(100, 1000);
        Sample at = aggregateOnly(200, 1000 + 1844670129583L);
        Finding finding = Finding.of(jump("cpu", 500, at.aggregate().steal()), before, at);

        assertEquals(1000, finding.before());
        assertEquals(4_277_788L, finding.stepBackTicks());
        assertEquals(TENTH, finding.elapsedNanos());
    }

    @Test
    void aWrapOnOneCpuExplainsATriggerBetterThanTheAggregatesDrop() {
        // cpu1 wrapped by a step of 50 ticks with 40 accumulated; the sum of 2 CPUs merely drops by 10.
        Sample before = sample(0, 100, 60, 40);
        Sample at = sample(100, 90, 61, WrapArithmetic.WRAP_TICKS - 9);
        List<Anomaly> trigger = List.of(new StealWentBack("cpu", 100, 90),
                jump("cpu1", 40, WrapArithmetic.WRAP_TICKS - 9));

        Finding finding = Finding.of(trigger, before, at);

        assertEquals("cpu1", finding.line());
        assertEquals(Pattern.WRAPPED, finding.pattern());
        assertEquals(50L, finding.stepBackTicks());
    }

    @Test
    void withoutAWrapTheAggregateLineExplainsTheTrigger() {
        Sample before = sample(0, 100, 60, 40);
        Sample at = sample(100, 90, 55, 35);
        List<Anomaly> trigger = List.of(new StealWentBack("cpu0", 60, 55), new StealWentBack("cpu", 100, 90));

        assertEquals("cpu", Finding.of(trigger, before, at).line());
    }

    private static StealJumped jump(String line, long before, long after) {
        return new StealJumped(line, before, after, TENTH, 1, 6012, MaxDelta.Auto.withDefaultAllowance());
    }

    /** A sample whose aggregate is given, not summed: the kernel sums nanoseconds mod 2^64 before dividing. */
    private static Sample sample(long millis, long total, long cpu0, long cpu1) {
        return new Sample(millis * 1_000_000, line("cpu", -1, total),
                List.of(line("cpu0", 0, cpu0), line("cpu1", 1, cpu1)));
    }

    private static CpuLine line(String name, int cpu, long steal) {
        return new CpuLine(name, cpu, new long[] {1, 0, 1, 1, 0, 0, 0, steal});
    }
}
