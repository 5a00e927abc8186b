package io.github.stealwatch.source;

/**
 * The counters of a cpu line of /proc/stat, in the kernel's order (man 5 proc, fs/proc/stat.c).
 * All are in USER_HZ ticks since boot.
 */
public enum Column {
    USER, NICE, SYSTEM, IDLE, IOWAIT, IRQ, SOFTIRQ, STEAL, GUEST, GUEST_NICE;

    /** Steal is the eighth counter (Linux 2.6.11 and later); a line with fewer cannot be checked. */
    public static final int MIN_COLUMNS = STEAL.ordinal() + 1;

    /**
     * All the time a line's CPUs spent: user through steal, from {@code counters[from]} on. Guest
     * and guest_nice are left out because the kernel already counts them in user and nice
     * (kernel/sched/cputime.c, account_guest_time).
     */
    static long total(long[] counters, int from) {
        long total = 0;
        for (int column = 0; column < MIN_COLUMNS; column++) {
            total += counters[from + column];
        }
        return total;
    }
}
