package io.github.stealwatch.source;

import java.util.Arrays;

/**
 * One cpu line of /proc/stat: its name as the kernel prints it ({@code cpu}, {@code cpu3}) and its
 * raw counters, kept as unsigned 64-bit values in signed longs (print them with
 * {@link Long#toUnsignedString(long)}).
 *
 * @param name     {@code cpu} for the aggregate line, {@code cpuN} for CPU N
 * @param cpu      N, or {@link #AGGREGATE}
 * @param counters the counters in {@link Column} order; at least {@link Column#MIN_COLUMNS}
 */
public record CpuLine(String name, int cpu, long[] counters) {

    public static final int AGGREGATE = -1;

    public CpuLine {
        if (counters.length < Column.MIN_COLUMNS) {
            throw new IllegalArgumentException(name + " has no steal column");
        }
    }

    public long steal() {
        return counters[Column.STEAL.ordinal()];
    }

    /** All the time the line's CPUs spent, in ticks: see {@link Column#total}. */
    public long totalTicks() {
        return Column.total(counters, 0);
    }

    public boolean isAggregate() {
        return cpu == AGGREGATE;
    }

    /** The line exactly as the kernel prints it: the aggregate's name is followed by two spaces. */
    public String toProcStatText() {
        StringBuilder text = new StringBuilder(name).append(isAggregate() ? " " : "");
        for (long counter : counters) {
            text.append(' ').append(Long.toUnsignedString(counter));
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CpuLine that
                && name.equals(that.name) && cpu == that.cpu && Arrays.equals(counters, that.counters);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(counters);
    }

    @Override
    public String toString() {
        return toProcStatText();
    }
}
