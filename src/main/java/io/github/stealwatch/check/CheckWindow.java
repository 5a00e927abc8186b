package io.github.stealwatch.check;

import io.github.stealwatch.detect.AnomalyText;
import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.trace.Recording;
import io.github.stealwatch.watch.AnomalyListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects what a check needs from the samples of its window: the first and last (for the steal
 * share), every line that tripped and the first recording (told by the watchdog), and turns them
 * into a {@link Verdict}.
 */
final class CheckWindow implements AnomalyListener {

    private final Thresholds thresholds;
    private final Map<String, Anomaly> firstTripByLine = new LinkedHashMap<>();
    private Sample first;
    private StatSnapshot last;
    private int samples;
    private int anomalousSamples;
    private Recording firstRecording;

    CheckWindow(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * Takes every sample of the window, in order. The last one is held as it comes: the verdict is
     * asked for once the window is over and nothing reads into it any more.
     */
    void sampled(StatSnapshot sample) {
        if (first == null) {
            first = sample.toSample();
        }
        last = sample;
        samples++;
    }

    @Override
    public void anomalous(Sample sample, List<Anomaly> anomalies) {
        anomalousSamples++;
        for (Anomaly anomaly : anomalies) {
            firstTripByLine.putIfAbsent(anomaly.line(), anomaly);
        }
    }

    @Override
    public void recorded(Recording recording) {
        if (firstRecording == null) {
            firstRecording = recording;
        }
    }

    Verdict verdict() {
        if (samples < 2) {
            return Verdict.unknown("only " + samples + " sample(s) could be read in the window: nothing to compare");
        }
        Sample last = this.last.toSample();
        StealShare share = StealShare.between(first.aggregate(), last.aggregate());
        long elapsed = last.monotonicNanos() - first.monotonicNanos();
        List<Anomaly> anomalies = List.copyOf(firstTripByLine.values());
        State state;
        String summary;
        if (!anomalies.isEmpty()) {
            Anomaly trigger = anomalies.get(0);
            state = State.CRITICAL;
            summary = "steal counter misbehaved: " + trigger.line() + ": " + AnomalyText.describe(trigger) + " ("
                    + anomalies.size() + " line(s) tripped in " + anomalousSamples + " of " + samples + " samples)";
        } else if (Double.isNaN(share.percent())) {
            state = State.UNKNOWN;
            summary = "no CPU time passed between the samples: nothing to measure";
        } else {
            state = thresholds.stateOf(share.percent());
            summary = String.format(Locale.ROOT, "steal %.1f%% of CPU time over %.1f s, counter sane%s",
                    share.percent(), elapsed / 1e9, thresholdCrossed(state));
        }
        return new Verdict(state, summary, share, last.aggregate().steal(), elapsed, samples, thresholds, anomalies,
                anomalousSamples, firstRecording);
    }

    private String thresholdCrossed(State state) {
        return switch (state) {
            case CRITICAL -> " (above --critical " + PluginLine.number(thresholds.criticalPercent()) + "%)";
            case WARNING -> " (above --warning " + PluginLine.number(thresholds.warningPercent()) + "%)";
            default -> "";
        };
    }
}
