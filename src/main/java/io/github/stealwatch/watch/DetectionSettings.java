package io.github.stealwatch.watch;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.trace.RecordingSink;
import java.util.OptionalLong;

/**
 * What counts as an anomaly and how much is recorded of it, checked and with every default
 * resolved: the settings of every mode that detects.
 *
 * @param fixedMaxDelta      a fixed bound on a sample's rise, in ticks; empty for auto
 * @param lumpAllowanceNanos with auto (and between audits), the steal per CPU that may arrive at once
 * @param samples            rows recorded after the last normal one, trigger included
 * @param cpusWhenUnlisted   CPUs the aggregate line covers when a sample lists none
 * @param cooldownNanos      while an anomaly goes on, the least time between two recordings
 */
public record DetectionSettings(OptionalLong fixedMaxDelta, long lumpAllowanceNanos, int samples,
                                int cpusWhenUnlisted, long cooldownNanos) {

    /**
     * A recording keeps every row in memory until it is handed on: 1000 rows are 100 s at the
     * default interval, fifty times what the article kept, and within the watch's heap.
     */
    public static final int MAX_SAMPLES = 1000;

    public DetectionSettings {
        if (samples < 1 || samples > MAX_SAMPLES || cpusWhenUnlisted < 1 || lumpAllowanceNanos < 0
                || cooldownNanos < 0 || fixedMaxDelta.isPresent() && fixedMaxDelta.getAsLong() < 0) {
            throw new IllegalArgumentException("detection settings out of range: " + samples + " samples, "
                    + cpusWhenUnlisted + " CPUs");
        }
    }

    public Watchdog watchdog(RecordingSink sink) {
        return watchdog(sink, AnomalyListener.NONE);
    }

    public Watchdog watchdog(RecordingSink sink, AnomalyListener listener) {
        return new Watchdog(new StealDetector(bound(), cpusWhenUnlisted), new Recorder(samples), cooldownNanos, sink,
                listener);
    }

    /** The detector for two audits' counters: auto over the uptime between them, whatever the bound per sample. */
    public StealDetector betweenRuns() {
        return new StealDetector(new MaxDelta.Auto(lumpAllowanceNanos), cpusWhenUnlisted);
    }

    /** The bound samples are judged by; the lump allowance belongs to auto alone, as a fixed bound is per sample. */
    public MaxDelta bound() {
        return fixedMaxDelta.isPresent() ? new MaxDelta.Ticks(fixedMaxDelta.getAsLong())
                : new MaxDelta.Auto(lumpAllowanceNanos);
    }
}
