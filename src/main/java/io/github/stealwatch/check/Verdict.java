package io.github.stealwatch.check;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.trace.Recording;
import java.util.List;

/**
 * What a check found, ready to print as a status line or JSON.
 *
 * @param summary           the status line's text after the state, in plain words
 * @param share             steal's share of CPU time over the window, or null when it could not be measured
 * @param stealCounter      the aggregate steal counter at the last sample (unsigned), the perfdata counter
 * @param elapsedNanos      time from the first sample to the last
 * @param samples           samples read in the window
 * @param anomalies         each line that tripped, as it first tripped
 * @param anomalousSamples  samples in which any line tripped
 * @param recording         the samples around the first anomaly, for a diagnosis; null when none tripped
 */
public record Verdict(State state, String summary, StealShare share, long stealCounter, long elapsedNanos,
                      int samples, Thresholds thresholds, List<Anomaly> anomalies, int anomalousSamples,
                      Recording recording) {

    public Verdict {
        anomalies = List.copyOf(anomalies);
    }

    /** A check that could not measure: {@code summary} says why. */
    public static Verdict unknown(String summary) {
        return new Verdict(State.UNKNOWN, summary, null, 0, 0, 0, Thresholds.NONE, List.of(), 0, null);
    }

    /** The steal share in percent, or NaN when the counter cannot be trusted or there was nothing to compare. */
    public double stealPercent() {
        return share == null || !anomalies.isEmpty() ? Double.NaN : share.percent();
    }
}
