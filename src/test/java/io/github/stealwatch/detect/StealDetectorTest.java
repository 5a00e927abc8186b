package io.github.stealwatch.detect;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static io.github.stealwatch.source.TestSamples.withCpus;
import static io.github.stealwatch.source.TestSamples.withNumberedCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.AllocationMeter;
import io.github.stealwatch.source.AlternatingSnapshots;
import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.ProcRoots;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatParser;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.source.TestSamples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StealDetectorTest {

    private static final long MS = 1_000_000;
    private static final MaxDelta.Ticks ARTICLE_BOUND = new MaxDelta.Ticks(100000);

    /** The article's script: a fixed 100000 ticks per sample. */
    private static StealDetector article() {
        return new StealDetector(ARTICLE_BOUND, 1);
    }

    /** The default: auto, with a 60 s lump allowance, on one CPU. */
    private static StealDetector autoOneCpu() {
        return new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 1);
    }

    @ParameterizedTest(name = "steal {0} -> {1}: trips {2}")
    @CsvSource(textBlock = """
            784,     784,     false
            784,     100784,  false
            784,     100785,  true
            784,     783,     true
            784,     0,       true
            """)
    void fixedMaxDeltaTripsOnlyAboveTheBoundOrBelowZero(long before, long after, boolean trips) {
        List<Event> events = article().compare(aggregateOnly(0, before), aggregateOnly(100, after));

        assertEquals(trips, !events.isEmpty(), events.toString());
    }

    @Test
    void fixedMaxDeltaJudgesEachSampleAloneHoweverLongTheRun() {
        StealDetector detector = article();
        for (int i = 0; i < 100; i++) {
            assertEquals(List.of(), detector.compare(aggregateOnly(i * 100, i * 100000L),
                    aggregateOnly((i + 1) * 100, (i + 1) * 100000L)));
        }
    }

    @Test
    void aJumpIsReportedWithItsElapsedTimeAndLimit() {
        List<Event> events = article().compare(aggregateOnly(0, 784), aggregateOnly(100, 1844670130367L));

        assertEquals(List.of(new StealJumped("cpu", 784, 1844670130367L, 100 * MS, 1, 100000, ARTICLE_BOUND)),
                events);
    }

    @Test
    void theArticlesJumpTripsAtOnceWhateverTheAllowance() {
        List<Event> events = autoOneCpu().compare(aggregateOnly(0, 784), aggregateOnly(100, 1844670130367L));

        assertEquals(List.of(new StealJumped("cpu", 784, 1844670130367L, 100 * MS, 1, 6012,
                MaxDelta.Auto.withDefaultAllowance())), events);
    }

    @Test
    void aCounterGoingBackIsReportedWithBothValues() {
        List<Event> events = article().compare(aggregateOnly(0, 1844670130367L), aggregateOnly(100, 1844664564089L));

        StealWentBack back = assertInstanceOf(StealWentBack.class, events.get(0));
        assertEquals(-5566278, back.delta());
    }

    @ParameterizedTest(name = "{0} CPUs, allowance {1} ms, rise of {2} in 100 ms: trips {3}")
    @CsvSource(textBlock = """
            1,   60000,  6012,    false
            1,   60000,  6013,    true
            2,   60000,  12024,   false
            2,   60000,  12025,   true
            1,   0,      12,      false
            1,   0,      13,      true
            64,  0,      768,     false
            64,  0,      769,     true
            """)
    void autoBoundsOneSampleByItsTimePlusTheAllowanceOnTheCpusItCovers(int cpus, long allowanceMillis, long rise,
                                                                       boolean trips) {
        StealDetector detector = new StealDetector(new MaxDelta.Auto(allowanceMillis * MS), cpus);

        List<Event> events = detector.compare(aggregateOnly(0, 1000), aggregateOnly(100, 1000 + rise));

        assertEquals(trips, !events.isEmpty(), events.toString());
    }

    @Test
    void autoCountsTheCpuLinesOfTheSampleRatherThanTheFallback() {
        long[] before = new long[64];
        long[] after = new long[64];
        for (int cpu = 0; cpu < 64; cpu++) {
            before[cpu] = 500;
            after[cpu] = 512; // 12 ticks each in 100 ms: each CPU's whole strict bound, 768 in all
        }
        StealDetector strictFallingBackToOneCpu = new StealDetector(new MaxDelta.Auto(0), 1);

        assertEquals(List.of(), strictFallingBackToOneCpu.compare(withCpus(0, before), withCpus(100, after)));
    }

    @Test
    void aCpuGoingBackWhileAnotherRisesIsCaughtThoughTheSumLooksFine() {
        List<Event> events = autoOneCpu().compare(withCpus(0, 100, 100), withCpus(100, 95, 105));

        assertEquals(List.of(new StealWentBack("cpu0", 100, 95)), events);
    }

    @Test
    void theAggregateComesFirstThenEachCpuLineThatTripped() {
        List<Event> events = autoOneCpu().compare(withCpus(0, 100, 100), withCpus(100, 90, 95));

        assertEquals(List.of("cpu", "cpu0", "cpu1"), events.stream().map(Event::line).toList());
    }

    @Test
    void otherCountersGoingBackNeverTrip() {
        Sample before = aggregateOnly(0, 784);
        long[] counters = before.aggregate().counters().clone();
        counters[3] -= 1; // idle back by a tick, as healthy kernels do
        counters[4] -= 1; // iowait too
        Sample after = new Sample(100_000_000, new CpuLine("cpu", CpuLine.AGGREGATE, counters), List.of());

        assertEquals(List.of(), autoOneCpu().compare(before, after));
    }

    @Test
    void aCpuGoingOfflineIsAnEventAndItsDropInTheAggregateIsNoAnomaly() {
        Sample before = withNumberedCpus(0, new int[] {0, 1, 2}, new long[] {100, 200, 300});
        Sample after = withNumberedCpus(100, new int[] {0, 2}, new long[] {101, 301});

        assertEquals(List.of(new CpuWentOffline("cpu1")), autoOneCpu().compare(before, after));
    }

    @Test
    void aCpuComingBackIsAnEventAndItsRiseInTheAggregateIsNoAnomaly() {
        Sample before = withNumberedCpus(0, new int[] {0, 2}, new long[] {100, 300});
        Sample after = withNumberedCpus(100, new int[] {0, 1, 2}, new long[] {101, 50000, 301});

        assertEquals(List.of(new CpuCameOnline("cpu1")), autoOneCpu().compare(before, after));
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
        return autoOneCpu().compare(before, after);
    }

    @Test
    void theDifferenceIsTheSigned64BitDifferenceOfTheRawValues() {
        Sample before = aggregateOnly(0, -2L); // 18446744073709551614 as u64
        Sample after = aggregateOnly(100, 3);

        assertEquals(List.of(), autoOneCpu().compare(before, after)); // wrapped by 5: a rise of 5
    }

    @Test
    void exactlyTheAllowanceInOneLumpIsNoAnomalyAndOneTickMoreIs() {
        // A 1 s allowance on one CPU: 100 ms plus 1 s is 110 ticks, and 2 for rounding.
        assertEquals(Map.of(), trips(withAllowance(1000), 0, 112, 122, 132));
        assertEquals(List.of(1), List.copyOf(trips(withAllowance(1000), 0, 113, 123, 133).keySet()));
    }

    @Test
    void aLumpUsesTheAllowanceUntilWallTimeHasCaughtUpWithIt() {
        // A 1 s allowance on one CPU, a lump of 112 at 100 ms, then none: wall time has covered the
        // lump at 1.2 s, and from there the whole allowance is back.
        long[] lumpTooEarly = {0, 112, 112, 112, 112, 112, 224};
        long[] lumpAfterRefill = {0, 112, 112, 112, 112, 112, 112, 112, 112, 112, 112, 112, 112, 224};

        assertEquals(List.of(6), List.copyOf(trips(withAllowance(1000), lumpTooEarly).keySet()));
        assertEquals(Map.of(), trips(withAllowance(1000), lumpAfterRefill));
    }

    @Test
    void withoutAnAllowanceTheBoundIsWallTimeOverTheWholeStretch() {
        // 100 % stolen is 10 ticks a sample; two ticks of rounding ride along, a third trips.
        assertEquals(Map.of(), trips(withAllowance(0), 0, 10, 20, 30, 40, 50, 62, 70, 80));
        assertEquals(List.of(3), List.copyOf(trips(withAllowance(0), 0, 10, 22, 33, 40).keySet()));
    }

    @Test
    void aCounterRunningTwiceAsFastAsWallTimeTripsOnceItsExcessOutgrowsTheAllowance() {
        long[] steals = new long[1300];
        for (int i = 0; i < steals.length; i++) {
            steals[i] = 20L * i; // 20 ticks per 100 ms on one CPU
        }

        Map<Integer, List<Event>> trips = trips(autoOneCpu(), steals);

        // 60.1 s: a rise of 12020 against 60.1 s plus 60 s, 12012 with rounding. Then it starts afresh.
        assertEquals(List.of(601, 1202), List.copyOf(trips.keySet()));
        assertEquals(new StealJumped("cpu0", 0, 12020, 60_100 * MS, 1, 12012, MaxDelta.Auto.withDefaultAllowance()),
                trips.get(601).get(1));
    }

    @Test
    void aDropOfOneTickAmongLumpsTripsAtOnceOnItsCpu() {
        StealDetector detector = new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 2);
        detector.compare(withCpus(0, 100, 100), withCpus(100, 100, 2600)); // 25 s of steal lands on cpu1

        List<Event> events = detector.compare(withCpus(100, 100, 2600), withCpus(200, 99, 2601));

        assertEquals(List.of(new StealWentBack("cpu0", 100, 99)), events);
    }

    @Test
    void aCpuThatComesBackStartsWithItsWholeAllowance() {
        StealDetector detector = new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 2);
        int[] both = {0, 1};
        detector.compare(withNumberedCpus(0, both, new long[] {0, 0}),
                withNumberedCpus(100, both, new long[] {0, 6000}));
        detector.compare(withNumberedCpus(100, both, new long[] {0, 6000}),
                withNumberedCpus(200, new int[] {0}, new long[] {0}));
        detector.compare(withNumberedCpus(200, new int[] {0}, new long[] {0}),
                withNumberedCpus(300, both, new long[] {0, 6000}));

        List<Event> events = detector.compare(withNumberedCpus(300, both, new long[] {0, 6000}),
                withNumberedCpus(400, both, new long[] {0, 12012}));

        assertEquals(List.of(), events);
    }

    @Test
    void aSequenceThatDoesNotGoOnFromTheLastSampleStartsAfresh() {
        StealDetector detector = autoOneCpu();
        detector.compare(withCpus(0, 0), withCpus(100, 6012));

        assertEquals(List.of(), detector.compare(withCpus(5000, 0), withCpus(5100, 6012)));
    }

    @Test
    void comparingHealthySnapshotsOfAThousandCpusAllocatesNothing() throws Exception {
        byte[] bytes = ProcRoots.fixture("scaled-1024cpu.txt").getBytes(StandardCharsets.US_ASCII);
        StealDetector detector = autoOneCpu();
        AlternatingSnapshots snapshots = new AlternatingSnapshots();
        StatParser.parseInto(bytes, bytes.length, true, 0, snapshots.spare());
        StatSnapshot[] previous = {snapshots.filled()};
        long[] nanos = {0};
        List<List<Event>> found = new ArrayList<>();

        long allocated = AllocationMeter.bytesAllocated(10, 1000, () -> {
            nanos[0] += 100 * MS;
            StatParser.parseInto(bytes, bytes.length, true, nanos[0], snapshots.spare());
            StatSnapshot next = snapshots.filled();
            List<Event> events = detector.compare(previous[0], next);
            if (!events.isEmpty()) {
                found.add(events);
            }
            previous[0] = next;
        });

        AllocationMeter.assertNonePerRun(allocated, 1000);
        assertEquals(List.of(), found);
    }

    private static StealDetector withAllowance(long millis) {
        return new StealDetector(new MaxDelta.Auto(millis * MS), 1);
    }

    /** Feeds cpu0's steal, a sample every 100 ms, and returns the samples that tripped, by index, with their events. */
    private static Map<Integer, List<Event>> trips(StealDetector detector, long... steals) {
        Map<Integer, List<Event>> trips = new TreeMap<>();
        for (int i = 1; i < steals.length; i++) {
            List<Event> events = detector.compare(withCpus((i - 1) * 100L, steals[i - 1]),
                    withCpus(i * 100L, steals[i]));
            if (!events.isEmpty()) {
                trips.put(i, events);
            }
        }
        return trips;
    }
}
