package io.github.stealwatch.source;

import java.util.List;

/**
 * The cpu lines of one read of /proc/stat and the monotonic time the read finished.
 *
 * @param monotonicNanos when the read finished, on the {@code Clock}'s monotonic scale
 * @param aggregate      the {@code cpu} line
 * @param cpus           the {@code cpuN} lines of the CPUs online at that moment, in the kernel's
 *                       order; empty in a hand-made trace
 */
public record Sample(long monotonicNanos, CpuLine aggregate, List<CpuLine> cpus) {

    public Sample {
        cpus = List.copyOf(cpus);
    }

    /** The line named {@code name} ({@code cpu}, {@code cpu3}), or null when this sample has none. */
    public CpuLine line(String name) {
        if (aggregate.name().equals(name)) {
            return aggregate;
        }
        for (CpuLine cpu : cpus) {
            if (cpu.name().equals(name)) {
                return cpu;
            }
        }
        return null;
    }

    /** How many CPUs the line named {@code name} covers: one, or for the aggregate those listed (at least one). */
    public int cpusOf(String name) {
        return name.equals(aggregate.name()) ? Math.max(1, cpus.size()) : 1;
    }
}
