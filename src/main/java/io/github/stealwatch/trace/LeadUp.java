package io.github.stealwatch.trace;

/**
 * What the watch saw in the seconds before a trigger that may explain it: a stall in sampling
 * (the VM was paused: a live migration, a snapshot, a host freeze) and a CPU coming online.
 *
 * @param stall    the longest stall that ended within {@link #WINDOW_NANOS} before the trigger
 *                 (with the trigger's own interval), or null
 * @param cpuOnline the last CPU that came online in that window, or null
 * @param watchedNanos how much of the window was watched: less when sampling began just before
 */
public record LeadUp(Stall stall, CpuOnline cpuOnline, long watchedNanos) {

    /** How far back a stall or hotplug still counts as the trigger's context. */
    public static final long WINDOW_NANOS = 10_000_000_000L;

    /** Nothing was watched before the trigger (between two audits, or in a test). */
    public static final LeadUp NONE = new LeadUp(null, null, 0);

    /**
     * A gap between two samples far longer than the sampling interval.
     *
     * @param gapNanos      the time between the two samples
     * @param intervalNanos the usual time between samples then
     * @param agoNanos      from the end of the gap to the trigger
     */
    public record Stall(long gapNanos, long intervalNanos, long agoNanos) {
    }

    /**
     * @param line     the cpuN line that appeared
     * @param agoNanos from its first sample to the trigger
     */
    public record CpuOnline(String line, long agoNanos) {
    }
}
