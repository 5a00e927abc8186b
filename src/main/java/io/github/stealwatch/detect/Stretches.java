package io.github.stealwatch.detect;

import io.github.stealwatch.source.CpuLine;
import java.util.Arrays;

/**
 * Where each line's current stretch began: the time and the steal counter of its first sample.
 * A line's steal is judged over its stretch, so the state is two numbers per line, side by side in
 * one array indexed by CPU number (the aggregate first) that grows only when a higher CPU number
 * appears.
 */
final class Stretches {

    /** The start time of line {@code l} at {@code 2 * l}, its steal counter then at {@code 2 * l + 1}. */
    private long[] starts = new long[0];

    /** Starts the stretch of {@code cpu} ({@link CpuLine#AGGREGATE} for the aggregate) at this sample. */
    void start(int cpu, long nanos, long steal) {
        int at = index(cpu);
        if (at >= starts.length) {
            starts = Arrays.copyOf(starts, Math.max(at + 2, starts.length * 2));
        }
        starts[at] = nanos;
        starts[at + 1] = steal;
    }

    long startNanos(int cpu) {
        return starts[index(cpu)];
    }

    long startSteal(int cpu) {
        return starts[index(cpu) + 1];
    }

    private static int index(int cpu) {
        return 2 * (cpu + 1); // the aggregate is -1
    }
}
