package io.github.stealwatch.watch;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * How far the real time between two samples strays from the interval: the watch's check on its own
 * timing. Kept as a histogram of 10 µs buckets, so recording a sample allocates nothing; the
 * largest deviation is kept exactly. Summarised in one log line when the watch stops.
 */
public final class Cadence {

    /** Fine enough to tell a 1 ms goal apart; a deviation past the last bucket still counts there. */
    private static final long BUCKET_NANOS = TimeUnit.MICROSECONDS.toNanos(10);
    private static final int BUCKETS = 2_000;

    private final long intervalNanos;
    private final int[] counts = new int[BUCKETS];
    private long intervals;
    private long maxNanos;
    private long lastNanos;
    private boolean sampledBefore;

    public Cadence(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** Takes the time of a sample's read. */
    public void sampled(long readAtNanos) {
        if (sampledBefore) {
            long off = Math.abs(readAtNanos - lastNanos - intervalNanos);
            counts[(int) Math.min(off / BUCKET_NANOS, BUCKETS - 1)]++;
            maxNanos = Math.max(maxNanos, off);
            intervals++;
        }
        lastNanos = readAtNanos;
        sampledBefore = true;
    }

    /** Starts again: the next sample follows a gap that is not the loop's doing (a start, a pause). */
    public void restart() {
        sampledBefore = false;
    }

    public long intervals() {
        return intervals;
    }

    /**
     * The deviation that {@code percent} percent of the intervals stay within, to the bucket's upper
     * edge; the largest for 100.
     */
    public long percentileNanos(double percent) {
        if (intervals == 0) {
            return 0;
        }
        long wanted = (long) Math.ceil(intervals * percent / 100);
        long seen = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            seen += counts[bucket];
            if (seen >= wanted) {
                // The last bucket has no upper edge: whatever is in it, the maximum bounds it.
                return bucket == BUCKETS - 1 ? maxNanos : Math.min((bucket + 1) * BUCKET_NANOS, maxNanos);
            }
        }
        return maxNanos;
    }

    public long maxNanos() {
        return maxNanos;
    }

    /** One line for the log: how many intervals and how far they strayed. */
    public String summary() {
        return String.format(Locale.ROOT, "%d intervals of %s ms; off by at most %.2f ms (half of them), "
                        + "%.2f ms (99%%), %.2f ms (all)", intervals, millis(intervalNanos),
                percentileNanos(50) / 1e6, percentileNanos(99) / 1e6, maxNanos / 1e6);
    }

    private static String millis(long nanos) {
        return nanos % 1_000_000 == 0 ? Long.toString(nanos / 1_000_000)
                : String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
