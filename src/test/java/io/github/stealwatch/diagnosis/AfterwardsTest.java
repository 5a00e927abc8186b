package io.github.stealwatch.diagnosis;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static io.github.stealwatch.source.TestSamples.withCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stealwatch.source.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AfterwardsTest {

    @Test
    void theArticlesCounterKeptGoingBack() {
        List<Sample> rows = rows(784, 1844670130367L, 1844664564089L, 1844659554439L, 1844655101417L);

        Afterwards after = Afterwards.judge(rows, 1, "cpu", false);

        assertEquals(Aftermath.KEPT_GOING_BACK, after.kind());
        assertEquals(3, after.changes());
        assertEquals(3, after.wentBack());
    }

    @Test
    void repeatedWrapsAreGoingBackToo() {
        // HZ=100 kernels before 4.11 show the deficit as a wrap-sized rise at every event.
        long step = WrapArithmetic.WRAP_TICKS - 4_277_788;
        List<Sample> rows = rows(784, 784 + step, 784 + 2 * step, 784 + 3 * step, 784 + 4 * step);

        assertEquals(Aftermath.KEPT_GOING_BACK, Afterwards.judge(rows, 1, "cpu", true).kind());
    }

    @Test
    void aCounterRisingAtAPossibleRateCountsNormallyAgain() {
        // One CPU, 100 ms apart: at most 10 ticks a sample can accrue, and 2 ticks for rounding.
        List<Sample> rows = rows(1340, 1248, 1250, 1260, 1268, 1270);

        Afterwards after = Afterwards.judge(rows, 1, "cpu", true);

        assertEquals(Aftermath.NORMAL_AGAIN, after.kind());
        assertEquals(22, after.rise());
        assertEquals(42, after.limit(), "400 ms on 1 CPU is 40 ticks, and 2 for rounding");
    }

    @Test
    void aRiseFasterThanStealCanAccrueIsNotNormalEvenWhenTheDetectorAllowsIt() {
        // After a trip the detector's stretch restarts with a fresh lump allowance: it lets this pass.
        List<Sample> rows = rows(1340, 1248, 1250, 1260, 1268, 3000);

        assertEquals(Aftermath.UNKNOWN, Afterwards.judge(rows, 1, "cpu", true).kind());
    }

    @Test
    void halfTheChangesBackIsNeitherBrokenNorNormal() {
        List<Sample> rows = rows(100, 90, 91, 89, 90, 88);

        Afterwards after = Afterwards.judge(rows, 1, "cpu", true);

        assertEquals(Aftermath.UNKNOWN, after.kind());
        assertEquals(2, after.wentBack());
        assertEquals(4, after.changes());
    }

    @Test
    void twoLaterChangesAreTooFewToTell() {
        Afterwards after = Afterwards.judge(rows(100, 90, 80, 70), 1, "cpu", false);

        assertEquals(Aftermath.UNKNOWN, after.kind());
        assertEquals(2, after.changes());
        assertEquals(true, after.cutShort());
    }

    @Test
    void noRowsAfterIsUnknown() {
        Afterwards after = Afterwards.judge(List.of(), 0, "cpu", true);

        assertEquals(Aftermath.UNKNOWN, after.kind());
        assertEquals(0, after.changes());
    }

    @Test
    void judgesTheLineThatTrippedAndSkipsRowsWhereItsCpuIsOffline() {
        List<Sample> rows = new ArrayList<>(List.of(withCpus(0, 50, 60), withCpus(100, 50, 10), withCpus(200, 50, 9),
                withCpus(300, 51), withCpus(400, 51, 8), withCpus(500, 52, 7)));

        Afterwards after = Afterwards.judge(rows, 1, "cpu1", true);

        assertEquals(Aftermath.KEPT_GOING_BACK, after.kind());
        assertEquals(3, after.changes(), "the row without cpu1 is skipped");
    }

    private static List<Sample> rows(long... steals) {
        List<Sample> rows = new ArrayList<>();
        for (int i = 0; i < steals.length; i++) {
            rows.add(aggregateOnly(100L * i, steals[i]));
        }
        return rows;
    }
}
