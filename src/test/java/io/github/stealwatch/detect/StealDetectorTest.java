package io.github.stealwatch.detect;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static io.github.stealwatch.source.TestSamples.withCpus;
import static io.github.stealwatch.source.TestSamples.withNumberedCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.AllocationMeter;
import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.ProcRoots;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatParser;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.source.TestSamples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StealDetectorTest {

    private static final StealDetector ARTICLE = new StealDetector(new MaxDelta.Ticks(100000), 1);
    private static final StealDetector AUTO_ONE_CPU = new StealDetector(new MaxDelta.Auto(), 1);

    @ParameterizedTest(name = "steal {0} -> {1}: trips {2}")
    @CsvSource(textBlock = """
            784,     784,     false
            784,     100784,  false
            784,     100785,  true
            784,     783,     true
            784,     0,       true
            """)
    void fixedMaxDeltaTripsOnlyAboveTheBoundOrBelowZero(long before, long after, boolean trips) {
        List<Event> events = ARTICLE.compare(aggregateOnly(0, before), aggregateOnly(100, after));

        assertEquals(trips, !events.isEmpty(), events.toString());
    }

    @Test
    void aJumpIsReportedWithItsElapsedTimeAndLimit() {
        List<Event> events = ARTICLE.compare(aggregateOnly(0, 784), aggregateOnly(100, 1844670130367L));

        assertEquals(List.of(new StealJumped("cpu", 784, 1844670130367L, 100_000_000, 100000, false)), events);
    }

    @Test
    void aCounterGoingBackIsReportedWithBothValues() {
        List<Event> events = ARTICLE.compare(aggregateOnly(0, 1844670130367L), aggregateOnly(100, 1844664564089L));

        StealWentBack back = assertInstanceOf(StealWentBack.class, events.get(0));
        assertEquals(-5566278, back.delta());
    }

    @ParameterizedTest(name = "{0} CPUs, rise of {1} in 100 ms: trips {2}")
    @CsvSource(textBlock = """
            1,   22,    false
            1,   23,    true
            64,  1408,  false
            64,  1409,  true
            """)
    void autoBoundsTheAggregateByItsCpus(int cpus, long rise, boolean trips) {
        StealDetector detector = new StealDetector(new MaxDelta.Auto(), cpus);

        List<Event> events = detector.compare(aggregateOnly(0, 1000), aggregateOnly(100, 1000 + rise));

        assertEquals(trips, !events.isEmpty(), events.toString());
    }

    @Test
    void autoCountsTheCpuLinesOfTheSampleRatherThanTheFallback() {
        long[] before = new long[64];
        long[] after = new long[64];
        for (int cpu = 0; cpu < 64; cpu++) {
            before[cpu] = 500;
            after[cpu] = 520; // 20 ticks each in 100 ms: within each CPU's 22, 1280 in all, within 1408
        }

        assertEquals(List.of(), AUTO_ONE_CPU.compare(withCpus(0, before), withCpus(100, after)));
    }

    @Test
    void aFewHundredTicksIn100MsTripOnASmallMachine() {
        StealDetector detector = new StealDetector(new MaxDelta.Auto(), 2);

        assertEquals(1, detector.compare(aggregateOnly(0, 784), aggregateOnly(100, 784 + 300)).size());
    }

    @Test
    void aCpuGoingBackWhileAnotherRisesIsCaughtThoughTheSumLooksFine() {
        List<Event> events = AUTO_ONE_CPU.compare(withCpus(0, 100, 100), withCpus(100, 95, 105));

        assertEquals(List.of(new StealWentBack("cpu0", 100, 95)), events);
    }

    @Test
    void theAggregateComesFirstThenEachCpuLineThatTripped() {
        List<Event> events = AUTO_ONE_CPU.compare(withCpus(0, 100, 100), withCpus(100, 90, 95));

        assertEquals(List.of("cpu", "cpu0", "cpu1"), events.stream().map(Event::line).toList());
    }

    @Test
    void otherCountersGoingBackNeverTrip() {
        Sample before = aggregateOnly(0, 784);
        long[] counters = before.aggregate().counters().clone();
        counters[3] -= 1; // idle back by a tick, as healthy kernels do
        counters[4] -= 1; // iowait too
        Sample after = new Sample(100_000_000, new CpuLine("cpu", CpuLine.AGGREGATE, counters), List.of());

        assertEquals(List.of(), AUTO_ONE_CPU.compare(before, after));
    }

    @Test
    void aCpuGoingOfflineIsAnEventAndItsDropInTheAggregateIsNoAnomaly() {
        Sample before = withNumberedCpus(0, new int[] {0, 1, 2}, new long[] {100, 200, 300});
        Sample after = withNumberedCpus(100, new int[] {0, 2}, new long[] {101, 301});

        assertEquals(List.of(new CpuWentOffline("cpu1")), AUTO_ONE_CPU.compare(before, after));
    }

    @Test
    void aCpuComingBackIsAnEventAndItsRiseInTheAggregateIsNoAnomaly() {
        Sample before = withNumberedCpus(0, new int[] {0, 2}, new long[] {100, 300});
        Sample after = withNumberedCpus(100, new int[] {0, 1, 2}, new long[] {101, 50000, 301});

        assertEquals(List.of(new CpuCameOnline("cpu1")), AUTO_ONE_CPU.compare(before, after));
    }

    @Test
    void kernelsWhoseAggregateKeepsOfflineCpusDoNotTripEither() {
        assertEquals(List.of(new CpuWentOffline("cpu1")), cpu1GoesOfflineWithTheAggregateAt(302));
    }

    @Test
    void aDropTheVanishedCpuDoesNotExplainStillTrips() {
        List<Event> events = cpu1GoesOfflineWithTheAggregateAt(50);

        assertInstanceOf(StealWentBack.class, events.get(0));
        assertTrue(events.contains(new CpuWentOffline("cpu1")));
    }

    /** cpu0 (steal 100) and cpu1 (200) are online; then only cpu0 (101), and the aggregate reads {@code steal}. */
    private static List<Event> cpu1GoesOfflineWithTheAggregateAt(long steal) {
        Sample before = withNumberedCpus(0, new int[] {0, 1}, new long[] {100, 200});
        Sample after = new Sample(100_000_000, TestSamples.line(CpuLine.AGGREGATE, steal),
                List.of(TestSamples.line(0, 101)));
        return AUTO_ONE_CPU.compare(before, after);
    }

    @Test
    void theDifferenceIsTheSigned64BitDifferenceOfTheRawValues() {
        Sample before = aggregateOnly(0, -2L); // 18446744073709551614 as u64
        Sample after = aggregateOnly(100, 3);

        assertEquals(List.of(), AUTO_ONE_CPU.compare(before, after)); // wrapped by 5: a rise of 5
    }

    @Test
    void comparingHealthySnapshotsOfAThousandCpusAllocatesNothing() throws Exception {
        byte[] bytes = ProcRoots.fixture("scaled-1024cpu.txt").getBytes(StandardCharsets.US_ASCII);
        StatSnapshot before = new StatSnapshot();
        StatSnapshot after = new StatSnapshot();
        StatParser.parseInto(bytes, bytes.length, true, 0, before);
        StatParser.parseInto(bytes, bytes.length, true, 100_000_000, after);

        long allocated = AllocationMeter.bytesAllocated(10, 1000, () -> AUTO_ONE_CPU.compare(before, after));

        AllocationMeter.assertNonePerRun(allocated, 1000);
        assertEquals(List.of(), AUTO_ONE_CPU.compare(before, after));
    }
}
