package io.github.stealwatch.diagnosis;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Sample;
import java.util.List;

/**
 * How a line's counter went on after the trigger, from the samples recorded after it.
 *
 * @param kind      the verdict
 * @param changes   changes from one later sample to the next that were judged
 * @param wentBack  of those, how many went back (a drop, or a rise only a wrap explains)
 * @param rise      with none back: how much the line rose over the later samples
 * @param spanNanos the time those samples cover
 * @param limit     the most that can physically accrue in that time on the line's CPUs
 * @param cutShort  the recording ended before all its samples came
 */
public record Afterwards(Aftermath kind, int changes, int wentBack, long rise, long spanNanos, long limit,
                         boolean cutShort) {

    /** Fewer changes than this cannot tell a counter that keeps going back from one lump. */
    public static final int MIN_CHANGES = 3;

    /**
     * Judges the samples after {@code triggerRow}. The detector's own verdicts do not do: after a
     * trip a line's stretch starts again with a fresh lump allowance, so a line can rise far faster
     * than steal can accrue and still not trip. Here the later rise is held to the strict physical
     * bound (no lump allowance), and anything else is "unknown", never "normal".
     */
    static Afterwards judge(List<Sample> rows, int triggerRow, String line, boolean complete) {
        int changes = 0;
        int wentBack = 0;
        Long first = null;
        long last = 0;
        long firstNanos = 0;
        long lastNanos = 0;
        for (int i = triggerRow; i < rows.size(); i++) {
            CpuLine now = rows.get(i).line(line);
            if (now == null) {
                continue; // the CPU went offline: nothing to judge in this row
            }
            if (first == null) {
                first = now.steal();
                firstNanos = rows.get(i).monotonicNanos();
            } else {
                long change = now.steal() - last;
                changes++;
                if (Long.compareUnsigned(now.steal(), last) < 0 || WrapArithmetic.isWrap(change)) {
                    wentBack++;
                }
            }
            last = now.steal();
            lastNanos = rows.get(i).monotonicNanos();
        }
        long span = lastNanos - firstNanos;
        int cpus = rows.size() > triggerRow ? rows.get(triggerRow).cpusOf(line) : 1;
        long limit = new MaxDelta.Auto(0).allowed(span, cpus);
        long rise = first == null ? 0 : last - first;
        return new Afterwards(kind(changes, wentBack, rise, limit), changes, wentBack, rise, span, limit, !complete);
    }

    private static Aftermath kind(int changes, int wentBack, long rise, long limit) {
        if (changes < MIN_CHANGES) {
            return Aftermath.UNKNOWN;
        }
        if (2 * wentBack > changes) {
            return Aftermath.KEPT_GOING_BACK;
        }
        return wentBack == 0 && rise <= limit ? Aftermath.NORMAL_AGAIN : Aftermath.UNKNOWN;
    }
}
