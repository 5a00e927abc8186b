package io.github.stealwatch.trace;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.source.Sample;
import java.util.List;

/**
 * The samples around one steal anomaly, ready to report.
 *
 * @param rows               the last sample before the trigger, the trigger, then those that followed
 * @param anomalies          for each row, the anomalies seen when it arrived (none for row 0)
 * @param complete           false when the input ended or the watch stopped before all rows came
 * @param suppressedSamples  anomalous samples not reported because of the cooldown, since the
 *                           previous report
 * @param leadUp             what the watch saw just before the trigger
 * @param atLineBound        true when the host's many CPUs, not the rows asked for, ended it: see
 *                           {@link Recorder#MAX_CPU_LINES}
 */
public record Recording(List<Sample> rows, List<List<Anomaly>> anomalies, boolean complete, long suppressedSamples,
                        LeadUp leadUp, boolean atLineBound) {

    /** A recording that took the rows asked for, or was cut short. */
    public Recording(List<Sample> rows, List<List<Anomaly>> anomalies, boolean complete, long suppressedSamples,
            LeadUp leadUp) {
        this(rows, anomalies, complete, suppressedSamples, leadUp, false);
    }

    /** A recording with nothing seen before its trigger. */
    public Recording(List<Sample> rows, List<List<Anomaly>> anomalies, boolean complete, long suppressedSamples) {
        this(rows, anomalies, complete, suppressedSamples, LeadUp.NONE);
    }

    public Recording {
        rows = List.copyOf(rows);
        anomalies = List.copyOf(anomalies);
        if (rows.size() < 2 || anomalies.size() != rows.size()) {
            throw new IllegalArgumentException("a recording needs a row before the trigger, the trigger, "
                    + "and anomalies for each row");
        }
    }

    /** The anomalies that tripped the recording: those of row 1. */
    public List<Anomaly> trigger() {
        return anomalies.get(1);
    }
}
