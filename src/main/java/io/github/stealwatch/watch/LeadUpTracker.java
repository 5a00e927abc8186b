package io.github.stealwatch.watch;

import io.github.stealwatch.trace.LeadUp;

/**
 * Remembers the last stall in sampling and the last CPU that came online, so a recording can
 * say what happened just before its trigger. It judges a stall from the samples' own times, so
 * a replayed trace is judged as the live watch was; a healthy sample allocates nothing.
 */
final class LeadUpTracker {

    /**
     * A gap this many times the usual one is a stall. A failed read leaves a gap of two intervals,
     * which is not a pause of the VM; three is the shortest gap only a pause or a starved host makes.
     */
    static final int STALL_FACTOR = 3;

    /** The usual gap is the shortest of the last few: one late sample must not make the next look usual. */
    private static final int GAPS_KEPT = 8;

    private final long[] gaps = new long[GAPS_KEPT];
    private int gapsSeen;
    private boolean sampledBefore;
    private long firstNanos;
    private long lastNanos;

    private boolean stalled;
    private long stallGapNanos;
    private long stallIntervalNanos;
    private long stallEndNanos;

    private String onlineLine;
    private long onlineNanos;

    /** Takes the time of each sample, in order. */
    void sampled(long nanos) {
        if (sampledBefore) {
            long gap = nanos - lastNanos;
            long usual = usualGap();
            if (usual > 0 && gap > STALL_FACTOR * usual) {
                boolean earlierStillCounts = stalled && nanos - stallEndNanos <= LeadUp.WINDOW_NANOS;
                if (!earlierStillCounts || gap >= stallGapNanos) {
                    stalled = true;
                    stallGapNanos = gap;
                    stallIntervalNanos = usual;
                    stallEndNanos = nanos;
                }
            } else {
                gaps[gapsSeen++ % GAPS_KEPT] = gap;
            }
        }
        if (!sampledBefore) {
            firstNanos = nanos;
        }
        sampledBefore = true;
        lastNanos = nanos;
    }

    void cameOnline(String line, long nanos) {
        onlineLine = line;
        onlineNanos = nanos;
    }

    /** What happened within the lead-up window before a trigger at {@code triggerNanos}. */
    LeadUp before(long triggerNanos) {
        LeadUp.Stall stall = stalled && triggerNanos - stallEndNanos <= LeadUp.WINDOW_NANOS
                ? new LeadUp.Stall(stallGapNanos, stallIntervalNanos, triggerNanos - stallEndNanos) : null;
        LeadUp.CpuOnline online = onlineLine != null && triggerNanos - onlineNanos <= LeadUp.WINDOW_NANOS
                ? new LeadUp.CpuOnline(onlineLine, triggerNanos - onlineNanos) : null;
        return new LeadUp(stall, online, Math.min(LeadUp.WINDOW_NANOS, triggerNanos - firstNanos));
    }

    /** The shortest of the gaps kept, or 0 before the first. */
    private long usualGap() {
        long shortest = 0;
        for (int i = 0; i < Math.min(gapsSeen, GAPS_KEPT); i++) {
            shortest = i == 0 ? gaps[i] : Math.min(shortest, gaps[i]);
        }
        return shortest;
    }
}
