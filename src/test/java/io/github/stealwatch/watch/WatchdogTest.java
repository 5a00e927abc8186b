package io.github.stealwatch.watch;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static io.github.stealwatch.source.TestSamples.withNumberedCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.report.CollectingSink;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.trace.LeadUp;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.trace.Recording;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    private final CollectingSink sink = new CollectingSink();

    @Test
    void reportsOnceTheRecordingIsFullThenRearms() {
        Watchdog watchdog = watchdog(3, 0);
        long millis = 0;
        watchdog.accept(aggregateOnly(millis, 100));
        watchdog.accept(aggregateOnly(millis += 100, 50)); // trigger
        watchdog.accept(aggregateOnly(millis += 100, 51));
        assertEquals(0, sink.reports().size());
        watchdog.accept(aggregateOnly(millis += 100, 52));
        assertEquals(1, sink.reports().size());

        watchdog.accept(aggregateOnly(millis += 100, 10)); // a new anomaly, no cooldown
        watchdog.accept(aggregateOnly(millis += 100, 11));
        watchdog.accept(aggregateOnly(millis + 100, 12));
        assertEquals(2, watchdog.reportsMade());
    }

    @Test
    void aCounterThatKeepsRunningBackwardsIsReportedOncePerCooldown() {
        Watchdog watchdog = watchdog(2, TimeUnit.MINUTES.toNanos(1));
        long steal = 1_000_000_000L;
        // Ten minutes of a counter running backwards, one sample per second.
        for (long second = 0; second <= 600; second++) {
            watchdog.accept(aggregateOnly(second * 1000, steal -= 1000));
        }

        assertEquals(10, sink.reports().size());
        String second = sink.reports().get(1).body();
        assertTrue(second.contains("Not mailed during the cooldown since the last report: 58 anomalous samples"),
                second);
    }

    @Test
    void sendsWhatItHasWhenTheInputEnds() {
        Watchdog watchdog = watchdog(20, 0);
        watchdog.accept(aggregateOnly(0, 100));
        watchdog.accept(aggregateOnly(100, 50));

        watchdog.finish();

        assertEquals(1, sink.reports().size());
        assertTrue(sink.reports().get(0).body().contains("cut short"));
    }

    @Test
    void aCpuGoingOfflineAndComingBackIsNeverAnAlarm() {
        Watchdog watchdog = watchdog(1, 0);
        watchdog.accept(withNumberedCpus(0, new int[] {0, 1}, new long[] {100, 200}));
        watchdog.accept(withNumberedCpus(100, new int[] {0}, new long[] {101}));
        watchdog.accept(withNumberedCpus(200, new int[] {0, 1}, new long[] {102, 200}));
        watchdog.finish();

        assertEquals(0, sink.reports().size());
    }

    @Test
    void nothingHappensOnAHealthyCounter() {
        Watchdog watchdog = watchdog(1, 0);
        for (int i = 0; i < 100; i++) {
            watchdog.accept(aggregateOnly(i * 100L, 784 + i * 3L));
        }
        watchdog.finish();

        assertEquals(0, watchdog.reportsMade());
    }

    @Test
    void aRecordingSaysWhatHappenedJustBeforeItsTrigger() {
        List<Recording> recordings = new ArrayList<>();
        Watchdog watchdog = new Watchdog(new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 2), new Recorder(1), 0,
                new ReportFormatter(new HostFacts("h", "k"), "test").reportingTo(sink), new AnomalyListener() {
                    @Override
                    public void anomalous(Sample sample, List<Anomaly> anomalies) {
                    }

                    @Override
                    public void recorded(Recording recording) {
                        recordings.add(recording);
                    }
                });
        long millis = 0;
        for (; millis <= 1000; millis += 100) {
            watchdog.accept(withNumberedCpus(millis, new int[] {0}, new long[] {100}));
        }
        watchdog.accept(withNumberedCpus(millis += 100, new int[] {0, 1}, new long[] {100, 50})); // cpu1 came online
        watchdog.accept(withNumberedCpus(millis + 2000, new int[] {0, 1}, new long[] {100, 40})); // paused, then a drop

        assertEquals(1, recordings.size());
        LeadUp leadUp = recordings.get(0).leadUp();
        assertEquals(new LeadUp.CpuOnline("cpu1", 2000 * 1_000_000L), leadUp.cpuOnline());
        assertEquals(new LeadUp.Stall(2000 * 1_000_000L, 100 * 1_000_000L, 0), leadUp.stall());
        String report = sink.reports().get(0).body().replaceAll("\\s+", " ");
        assertTrue(report.contains("Sampling stalled right before the trigger: 2000 ms passed between two samples "
                + "usually 100 ms apart"), report);
    }

    private Watchdog watchdog(int samples, long cooldownNanos) {
        return new Watchdog(new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 1), new Recorder(samples),
                cooldownNanos, new ReportFormatter(new HostFacts("h", "k"), "test").reportingTo(sink));
    }
}
