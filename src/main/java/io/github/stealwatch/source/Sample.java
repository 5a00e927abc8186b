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
}
