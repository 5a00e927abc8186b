package io.github.stealwatch.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.stealwatch.AllocationMeter;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.metrics.LiveMetrics;
import io.github.stealwatch.report.CollectingSink;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.ProcRoots;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.time.FakeClock;
import io.github.stealwatch.trace.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplingLoopTest {

    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int SAMPLES = 1000;

    @TempDir
    Path procRoot;

    private final FakeClock clock = new FakeClock();
    private final List<Sample> samples = new ArrayList<>();
    private SamplingLoop loop;

    @BeforeEach
    void setUp() throws Exception {
        install("kvm-guest-2cpu-linux-6.18.txt");
        loop = new SamplingLoop(new ProcStatReader(procRoot, clock), clock, INTERVAL,
                sample -> samples.add(sample.toSample()));
    }

    @Test
    void samplesAreDueAtStartPlusKTimesTheIntervalWithoutDrift() throws Exception {
        long start = clock.monotonicNanos();
        loop.start();

        loop.run(() -> samples.size() == 5);

        assertEquals(List.of(start + INTERVAL, start + 2 * INTERVAL, start + 3 * INTERVAL, start + 4 * INTERVAL),
                clock.deadlines());
    }

    @Test
    void aLateSampleSkipsTheMissedSlotsInsteadOfBursting() throws Exception {
        long start = clock.monotonicNanos();
        loop.start();
        clock.advanceMillis(1050); // the VM was paused for a second

        assertEquals(start + 11 * INTERVAL, loop.nextDue());
        assertEquals(start + 12 * INTERVAL, loop.nextDue());
    }

    @Test
    void aSlightlyLateSampleKeepsItsSlot() throws Exception {
        long start = clock.monotonicNanos();
        loop.start();
        clock.advanceMillis(150);

        assertEquals(start + INTERVAL, loop.nextDue());
    }

    @Test
    void eachSampleKeepsItsRealTime() throws Exception {
        loop.start();
        clock.advanceMillis(137);
        loop.tick();

        assertEquals(TimeUnit.MILLISECONDS.toNanos(137), samples.get(1).monotonicNanos() - samples.get(0).monotonicNanos());
    }

    @Test
    void aReadThatFailsLaterIsSkippedAndSamplingGoesOn() throws Exception {
        loop.start();
        install("truncated.txt");
        loop.tick();
        Files.delete(procRoot.resolve("stat"));
        loop.tick();
        install("cpu-gaps.txt");
        loop.tick();

        assertEquals(2, samples.size());
        assertEquals(3, samples.get(1).cpus().size());
    }

    @Test
    void theObserverIsToldOfEverySampleEveryFailedReadAndEveryStall() throws Exception {
        List<String> told = new ArrayList<>();
        SamplingLoop observed = new SamplingLoop(new ProcStatReader(procRoot, clock), clock, INTERVAL,
                sample -> told.add("sink"), new LoopObserver() {
                    @Override
                    public void sampled(StatSnapshot sample) {
                        told.add("sampled");
                    }

                    @Override
                    public void readFailed() {
                        told.add("read failed");
                    }

                    @Override
                    public void stalled(long lateNanos) {
                        told.add("stalled " + TimeUnit.NANOSECONDS.toMillis(lateNanos) + " ms");
                    }
                });
        observed.start();
        install("truncated.txt");
        observed.tick();
        install("cpu-gaps.txt");
        clock.advanceMillis(1050); // the VM was paused for a second
        observed.nextDue();
        observed.tick();

        // The sink comes first, so an anomaly in a sample is known before the sample is counted.
        assertEquals(List.of("sink", "sampled", "read failed", "stalled 950 ms", "sink", "sampled"), told);
    }

    @Test
    void aFailedFirstReadIsToldTooBeforeItIsAnError() throws Exception {
        install("no-steal-7-columns.txt");
        List<String> told = new ArrayList<>();
        SamplingLoop observed = new SamplingLoop(new ProcStatReader(procRoot, clock), clock, INTERVAL,
                sample -> told.add("sink"), new LoopObserver() {
                    @Override
                    public void readFailed() {
                        told.add("read failed");
                    }
                });

        assertThrows(StatFormatException.class, observed::start);
        assertEquals(List.of("read failed"), told);
    }

    @Test
    void aFileThatCannotBeParsedAtStartIsAnError() throws Exception {
        install("no-steal-7-columns.txt");

        assertThrows(StatFormatException.class, loop::start);
    }

    @Test
    void stopEndsTheRun() throws Exception {
        loop.start();
        loop.stop();

        loop.run(() -> false);

        assertEquals(1, samples.size());
    }

    @Test
    void aTickOfTheWatchOnTheLiveProcStatAllocatesNothing() throws Exception {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isReadable(proc.resolve("stat")), "needs Linux's /proc/stat");
        Watchdog watchdog = new Watchdog(new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 1),
                new Recorder(20), 0, new ReportFormatter(new HostFacts("h", "k"), "test").reportingTo(new CollectingSink()));
        // With the metrics' observer too: counting a sample must not allocate either.
        SamplingLoop live = new SamplingLoop(new ProcStatReader(proc, clock), clock, INTERVAL, watchdog,
                new LiveMetrics(clock));
        live.start();

        long bytes = AllocationMeter.bytesAllocated(100, SAMPLES, () -> {
            clock.advanceMillis(100);
            live.tick();
        });

        AllocationMeter.assertNonePerRun(bytes, SAMPLES);
        assertEquals(0, watchdog.reportsMade());
    }

    private void install(String fixture) throws Exception {
        ProcRoots.installFixture(procRoot, fixture);
    }
}
