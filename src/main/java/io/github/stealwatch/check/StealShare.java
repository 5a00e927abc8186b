package io.github.stealwatch.check;

import io.github.stealwatch.source.CpuLine;

/**
 * The steal share of CPU time between two readings of the aggregate line: steal's change over the
 * change of all time the CPUs spent ({@link CpuLine#totalTicks()}).
 *
 * @param stealTicks the change of the steal counter
 * @param totalTicks the change of user + nice + system + idle + iowait + irq + softirq + steal
 */
public record StealShare(long stealTicks, long totalTicks) {

    static StealShare between(CpuLine before, CpuLine after) {
        return new StealShare(after.steal() - before.steal(), after.totalTicks() - before.totalTicks());
    }

    /** The share in percent, or NaN when the counters give no meaningful one (no time passed, or they went back). */
    public double percent() {
        if (totalTicks <= 0 || stealTicks < 0 || stealTicks > totalTicks) {
            return Double.NaN;
        }
        return 100.0 * stealTicks / totalTicks;
    }
}
