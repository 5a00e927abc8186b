package io.github.stealwatch.watch;

import io.github.stealwatch.detect.AnomalyText;
import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.CpuWentOffline;
import io.github.stealwatch.detect.Event;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.source.AlternatingSnapshots;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.trace.Recording;
import io.github.stealwatch.trace.RecordingSink;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch itself, one sample at a time: detect, record, hand the recording on, re-arm. Used alike by watch
 * (live samples) and replay (a trace's samples), and never reads a clock: all time comes from the
 * samples' own stamps. While an anomaly goes on, it records at most once per cooldown. A healthy
 * sample allocates nothing; a sample is copied only to be kept in a recording. It never formats a
 * report: its sink does, or the flush process from the spooled recording, so the long-running
 * watch never loads the report and diagnosis code.
 */
public final class Watchdog implements SampleSink {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final StealDetector detector;
    private final Recorder recorder;
    private final long cooldownNanos;
    private final RecordingSink sink;
    private final AnomalyListener listener;

    private final AlternatingSnapshots ownSnapshots = new AlternatingSnapshots();
    private final LeadUpTracker leadUp = new LeadUpTracker();
    private StatSnapshot previous;
    private boolean reportedBefore;
    private long lastTriggerNanos;
    private long suppressedSamples;
    private int reportsMade;

    public Watchdog(StealDetector detector, Recorder recorder, long cooldownNanos, RecordingSink sink) {
        this(detector, recorder, cooldownNanos, sink, AnomalyListener.NONE);
    }

    /** @param listener told of every anomalous sample, for a verdict over a whole window (check, audit) */
    public Watchdog(StealDetector detector, Recorder recorder, long cooldownNanos, RecordingSink sink,
                    AnomalyListener listener) {
        this.detector = detector;
        this.recorder = recorder;
        this.cooldownNanos = cooldownNanos;
        this.sink = sink;
        this.listener = listener;
    }

    @Override
    public void accept(StatSnapshot sample) {
        leadUp.sampled(sample.monotonicNanos());
        if (previous != null) {
            List<Anomaly> anomalies = anomalies(detector.compare(previous, sample), sample.monotonicNanos());
            if (!anomalies.isEmpty() || recorder.isRecording()) {
                keep(sample.toSample(), anomalies);
            }
        }
        previous = sample;
    }

    /** Takes a sample from a trace or a test, which come as kept samples. */
    public void accept(Sample sample) {
        ownSnapshots.spare().set(sample);
        accept(ownSnapshots.filled());
    }

    /** Sends what is being recorded, cut short: the input ended or the watch is stopping. */
    public void finish() {
        if (recorder.isRecording()) {
            report();
        }
    }

    public int reportsMade() {
        return reportsMade;
    }

    private void keep(Sample sample, List<Anomaly> anomalies) {
        if (!anomalies.isEmpty()) {
            listener.anomalous(sample, anomalies);
        }
        if (recorder.isRecording()) {
            recorder.add(sample, anomalies);
            sink.added(sample, anomalies);
        } else {
            trip(sample, anomalies);
        }
        if (recorder.isFull()) {
            report();
        }
    }

    private void trip(Sample sample, List<Anomaly> anomalies) {
        long sinceLastTrigger = sample.monotonicNanos() - lastTriggerNanos;
        if (reportedBefore && sinceLastTrigger < cooldownNanos) {
            if (suppressedSamples++ == 0) {
                LOG.warn("steal anomaly goes on ({} on {}); no further report until the cooldown ends",
                        AnomalyText.describe(anomalies.get(0)), anomalies.get(0).line());
            }
            return;
        }
        LOG.warn("{} on {}: recording the samples that follow", AnomalyText.describe(anomalies.get(0)),
                anomalies.get(0).line());
        recorder.start(previous.toSample(), sample, anomalies, suppressedSamples,
                leadUp.before(sample.monotonicNanos()));
        sink.started(recorder.soFar());
        reportedBefore = true;
        lastTriggerNanos = sample.monotonicNanos();
        suppressedSamples = 0;
    }

    private void report() {
        Recording recording = recorder.finish();
        listener.recorded(recording);
        sink.finished(recording);
        reportsMade++;
    }

    private List<Anomaly> anomalies(List<Event> events, long sampleNanos) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<Anomaly> anomalies = new ArrayList<>(events.size());
        for (Event event : events) {
            if (event instanceof Anomaly anomaly) {
                anomalies.add(anomaly);
            } else if (event instanceof CpuWentOffline) {
                LOG.info("{} went offline", event.line());
            } else {
                LOG.info("{} came online", event.line());
                leadUp.cameOnline(event.line(), sampleNanos);
            }
        }
        return anomalies;
    }
}
