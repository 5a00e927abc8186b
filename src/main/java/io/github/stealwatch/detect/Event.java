package io.github.stealwatch.detect;

/**
 * Something the detector saw between two samples. Steal anomalies trip the alarm; a CPU going
 * offline or coming back is a known, harmless event that is only logged.
 */
public sealed interface Event permits Anomaly, CpuWentOffline, CpuCameOnline {

    /** The line the event is about, as /proc/stat names it ({@code cpu}, {@code cpu3}). */
    String line();
}
