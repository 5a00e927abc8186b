package io.github.stealwatch.diagnosis;

import java.util.Locale;

/**
 * The arithmetic of a steal clock that steps back. Since Linux 4.11 the kernel keeps steal per
 * CPU as u64 nanoseconds (kernel/sched/cputime.c, account_steal_time) and adds
 * {@code clock - prev_steal_time} unsigned, so a clock that steps back by d ns past the steal
 * accumulated so far wraps the counter to 2^64 - d. /proc/stat prints floor(ns / 10^7) ticks
 * (fs/proc/stat.c, nsec_to_clock_t with USER_HZ 100), so a wrap shows as a rise of
 * W - B ticks, W = 2^64 / 10^7 = 1844674407370.9551616, B the step back in ticks.
 */
public final class WrapArithmetic {

    /** floor(2^64 / 10^7): the largest steal value /proc/stat can print. */
    public static final long WRAP_TICKS = 1_844_674_407_370L;

    /**
     * The largest step back a wrap may imply. 10^12 ticks is 317 years of one CPU's steal: no real
     * clock steps back further, and no real steal rises within 10^12 ticks of W (267 years).
     */
    public static final long MAX_STEP_BACK_TICKS = 1_000_000_000_000L;

    /** One tick of USER_HZ 100 in nanoseconds. */
    static final long NANOS_PER_TICK = 10_000_000L;

    private WrapArithmetic() {
    }

    /**
     * The step back B = W - rise, rounded to the nearest tick: W's fraction .955 rounds up. Exact
     * to ±1 tick, as both printed values were floored; steal that really accrued in the same
     * interval makes the true step larger by that much.
     */
    public static long stepBackTicks(long rise) {
        return WRAP_TICKS + 1 - rise;
    }

    /** True when a rise of {@code rise} ticks is a wrap: B from 1 to {@link #MAX_STEP_BACK_TICKS}. */
    public static boolean isWrap(long rise) {
        long stepBack = stepBackTicks(rise);
        return rise > 0 && stepBack >= 1 && stepBack <= MAX_STEP_BACK_TICKS;
    }

    /** Ticks as a span of time: "0.92 s" under a minute, "11 h 52 min 58 s" above, to the second. */
    public static String duration(long ticks) {
        if (ticks < 6000) {
            return String.format(Locale.ROOT, "%.2f s", ticks / 100.0);
        }
        long seconds = Math.round(ticks / 100.0);
        long days = seconds / 86_400;
        long hours = seconds / 3600 % 24;
        long minutes = seconds / 60 % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(" d ");
        }
        if (days > 0 || hours > 0) {
            text.append(hours).append(" h ");
        }
        return text.append(minutes).append(" min ").append(seconds % 60).append(" s").toString();
    }
}
