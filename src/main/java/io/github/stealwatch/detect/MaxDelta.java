package io.github.stealwatch.detect;

/**
 * The largest rise of a steal counter between two samples that is not an anomaly: a fixed number
 * of ticks, or {@link Auto}, the most steal that can physically accrue in the elapsed time.
 */
public sealed interface MaxDelta permits MaxDelta.Ticks, MaxDelta.Auto {

    /**
     * USER_HZ, the unit of /proc/stat's counters: 100 on every architecture Linux builds with a
     * paravirtual steal clock (x86, arm64, powerpc, s390; man 5 proc, sysconf(_SC_CLK_TCK)).
     */
    long USER_HZ = 100;

    /** The largest rise allowed on a line that covers {@code cpus} CPUs over {@code elapsedNanos}. */
    long allowed(long elapsedNanos, int cpus);

    /** True when {@link #allowed} is the physical bound rather than a number the user chose. */
    boolean physical();

    /** A fixed bound, as the article's script used (100000). */
    record Ticks(long ticks) implements MaxDelta {

        public Ticks {
            if (ticks < 0) {
                throw new IllegalArgumentException("max delta must not be negative: " + ticks);
            }
        }

        @Override
        public long allowed(long elapsedNanos, int cpus) {
            return ticks;
        }

        @Override
        public boolean physical() {
            return false;
        }
    }

    /** The physical bound: elapsed × USER_HZ × CPUs, with room for how the kernel counts. */
    record Auto() implements MaxDelta {

        /**
         * Our clock is read a little after the kernel snapshots its counters, and our own thread
         * can be stolen or preempted in between, so the measured interval can be shorter than the
         * real one by up to a stall. Allowing twice the measured interval covers a stall as long
         * as the interval itself, yet a jump of a few hundred ticks in 100 ms still trips.
         */
        static final long SLACK_FACTOR = 2;

        /**
         * Each CPU's nanoseconds are rounded down to ticks at each of the two reads, and steal is
         * accounted at the kernel's own tick (kernel/sched/cputime.c): up to two ticks per CPU can
         * show up beyond what the elapsed time allows.
         */
        static final long ROUNDING_TICKS_PER_CPU = 2;

        @Override
        public long allowed(long elapsedNanos, int cpus) {
            return saturatingAdd(saturatingMultiply(physicalMaximum(elapsedNanos, cpus), SLACK_FACTOR),
                    ROUNDING_TICKS_PER_CPU * cpus);
        }

        @Override
        public boolean physical() {
            return true;
        }

        /** The most steal {@code cpus} CPUs can accrue in {@code elapsedNanos}, rounded up. */
        public static long physicalMaximum(long elapsedNanos, int cpus) {
            long nanosPerTick = 1_000_000_000L / USER_HZ;
            long cpuNanos = saturatingMultiply(elapsedNanos, cpus);
            if (cpuNanos == Long.MAX_VALUE) {
                return Long.MAX_VALUE; // centuries of CPU time: anything can accrue
            }
            return cpuNanos / nanosPerTick + (cpuNanos % nanosPerTick == 0 ? 0 : 1);
        }

        private static long saturatingMultiply(long a, long b) {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }

        private static long saturatingAdd(long a, long b) {
            try {
                return Math.addExact(a, b);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
    }
}
