package io.github.stealwatch.report;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;

/** Says an anomaly in plain words, for the report and the log. */
public final class AnomalyText {

    private AnomalyText() {
    }

    /** E.g. "steal went back by 92 ticks", "steal rose by 1844670129583 ticks in 100 ms, at most 20 can accrue". */
    public static String describe(Anomaly anomaly) {
        if (anomaly instanceof StealWentBack back) {
            // -delta of Long.MIN_VALUE is itself, which prints right as unsigned.
            return "steal went back by " + Long.toUnsignedString(-back.delta()) + " ticks";
        }
        StealJumped jump = (StealJumped) anomaly;
        return "steal rose by " + jump.delta() + " ticks in " + duration(jump.elapsedNanos()) + ", "
                + (jump.physical() ? "at most " + jump.limit() + " can accrue" : "more than --max-delta " + jump.limit());
    }

    /** A sampling interval in milliseconds; the minutes between two audits in seconds. */
    static String duration(long nanos) {
        long millis = millis(nanos);
        return millis < LONGEST_IN_MILLIS ? millis + " ms" : Math.round(nanos / 1e9) + " s";
    }

    /** Below ten seconds, milliseconds read best; above, the digits stop meaning anything. */
    private static final long LONGEST_IN_MILLIS = 10_000;

    /** Nanoseconds as whole milliseconds, rounded to the nearest. */
    static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
