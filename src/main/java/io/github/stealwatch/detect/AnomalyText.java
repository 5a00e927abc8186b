package io.github.stealwatch.detect;

import java.util.Locale;

/** Says an anomaly in plain words, for the report and the log: what the counter did, and which bound it crossed. */
public final class AnomalyText {

    /** Below ten seconds, milliseconds read best; above, tenths of a second say enough. */
    private static final long LONGEST_IN_MILLIS = 10_000;

    private AnomalyText() {
    }

    /**
     * E.g. "steal went back by 92 ticks", "steal rose by 1844670129583 ticks in 100 ms; at most
     * 6012 can have accrued (100 ms plus a 60 s lump allowance on 1 CPU, and 2 ticks for rounding)".
     */
    public static String describe(Anomaly anomaly) {
        if (anomaly instanceof StealWentBack back) {
            // -delta of Long.MIN_VALUE is itself, which prints right as unsigned.
            return "steal went back by " + Long.toUnsignedString(-back.delta()) + " ticks";
        }
        StealJumped jump = (StealJumped) anomaly;
        String rose = "steal rose by " + jump.delta() + " ticks in " + duration(jump.elapsedNanos());
        if (jump.bound() instanceof MaxDelta.Auto auto) {
            return rose + "; at most " + jump.limit() + " can have accrued (" + whatAccrues(jump, auto) + ")";
        }
        return rose + ", more than --max-delta " + jump.limit();
    }

    /** How the auto bound was made up, e.g. "100 ms plus a 60 s lump allowance on 1 CPU, and 2 ticks for rounding". */
    private static String whatAccrues(StealJumped jump, MaxDelta.Auto auto) {
        String allowance = auto.lumpAllowanceNanos() == 0 ? ""
                : " plus a " + duration(auto.lumpAllowanceNanos()) + " lump allowance";
        return duration(jump.elapsedNanos()) + allowance + " on " + cpus(jump.cpus()) + ", and "
                + MaxDelta.Auto.ROUNDING_TICKS_PER_CPU * jump.cpus() + " ticks for rounding";
    }

    /** A sampling interval in milliseconds; a minute or the time between two audits in seconds. */
    public static String duration(long nanos) {
        long millis = millis(nanos);
        if (millis < LONGEST_IN_MILLIS) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1e3);
    }

    /** Nanoseconds as whole milliseconds, rounded to the nearest. */
    public static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    private static String cpus(int cpus) {
        return cpus == 1 ? "1 CPU" : cpus + " CPUs";
    }
}
