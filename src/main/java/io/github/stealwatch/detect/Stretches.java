package io.github.stealwatch.detect;

import io.github.stealwatch.source.CpuLine;
import java.util.Arrays;

/**
 * Where each line's current stretch began: the time and the steal counter of its first sample.
 * A line's steal is judged over its stretch, so the state is two numbers per line, in arrays
 * indexed by CPU number (the aggregate first) that grow only when a higher CPU number appears.
 */
final class Stretches {

    private long[] startNanos = new long[0];
    private long[] startSteal = new long[0];

    /** Starts the stretch of {@code cpu} ({@link CpuLine#AGGREGATE} for the aggregate) at this sample. */
    void start(int cpu, long nanos, long steal) {
        int slot = slot(cpu);
        if (slot >= startNanos.length) {
            int capacity = Math.max(slot + 1, startNanos.length * 2);
            startNanos = Arrays.copyOf(startNanos, capacity);
            startSteal = Arrays.copyOf(startSteal, capacity);
        }
        startNanos[slot] = nanos;
        startSteal[slot] = steal;
    }

    long startNanos(int cpu) {
        return startNanos[slot(cpu)];
    }

    long startSteal(int cpu) {
        return startSteal[slot(cpu)];
    }

    private static int slot(int cpu) {
        return cpu + 1; // the aggregate is -1
    }
}
