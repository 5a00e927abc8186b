package io.github.stealwatch.detect;

/**
 * How far a steal counter may rise before it is an anomaly: a fixed number of ticks per sample,
 * as the article's script had, or {@link Auto}, what can physically accrue over a stretch of
 * samples plus a lump allowance.
 */
public sealed interface MaxDelta permits MaxDelta.Ticks, MaxDelta.Auto {

    /**
     * USER_HZ, the unit of /proc/stat's counters: 100 on every architecture Linux builds with a
     * paravirtual steal clock (x86, arm64, powerpc, s390; man 5 proc, sysconf(_SC_CLK_TCK)).
     */
    long USER_HZ = 100;

    /** CPU time in one tick: the kernel prints steal as floor(ns / 10^7) (kernel/time/time.c, nsec_to_clock_t). */
    long NANOS_PER_TICK = 1_000_000_000L / USER_HZ;

    /** How a stretch's rise compares with the bound. */
    enum Fit {
        /**
         * Within the bound, and a new stretch may start here: nothing beyond the elapsed time itself
         * was used, so no later start could allow more.
         */
        STARTS_AFRESH,
        /** Within the bound; the stretch goes on. */
        WITHIN,
        /** Above the bound: an anomaly. */
        EXCEEDS
    }

    /** How a rise of {@code rise} over {@code elapsedNanos} fits on a line that covers {@code cpus} CPUs. */
    Fit fit(long rise, long elapsedNanos, int cpus);

    /** The largest rise allowed over a stretch of {@code elapsedNanos} on a line that covers {@code cpus} CPUs. */
    long allowed(long elapsedNanos, int cpus);

    /** A fixed bound on each sample's rise, as the article's script used (100000). */
    record Ticks(long ticks) implements MaxDelta {

        public Ticks {
            if (ticks < 0) {
                throw new IllegalArgumentException("max delta must not be negative: " + ticks);
            }
        }

        /** A fixed bound is a figure per sample: every stretch is one sample long. */
        @Override
        public Fit fit(long rise, long elapsedNanos, int cpus) {
            return rise <= ticks ? Fit.STARTS_AFRESH : Fit.EXCEEDS;
        }

        @Override
        public long allowed(long elapsedNanos, int cpus) {
            return ticks;
        }
    }

    /**
     * The physical bound over a stretch: steal can accrue at most as fast as wall time on each CPU,
     * and the kernel may add steal that accrued before the stretch in one lump (see
     * {@link #lumpAllowanceNanos}). Over any stretch a line may rise by at most
     * (elapsed + allowance) × USER_HZ × CPUs, plus {@link #ROUNDING_TICKS_PER_CPU} per CPU.
     *
     * @param lumpAllowanceNanos the most steal, in time per CPU, that may have accrued before a
     *                           stretch and land inside it. The kernel accounts steal when a CPU
     *                           next takes a tick or leaves idle (kernel/sched/cputime.c,
     *                           steal_account_process_time(ULONG_MAX), unclamped since Linux 4.8,
     *                           commit 03cbc732639d), and a nohz_full CPU only at kernel entry or
     *                           a context switch: all the steal since its last accounting lands at
     *                           once. It also covers a stall of our own thread between the
     *                           kernel's snapshot and our clock read, which shortens a measured
     *                           stretch.
     */
    record Auto(long lumpAllowanceNanos) implements MaxDelta {

        /**
         * {@code --lump-allowance}'s default (its option says {@code 60s} too): well above the
         * seconds a CPU goes unaccounted on a tick-based kernel, and still a report within about a
         * minute for a counter at twice the wall-clock rate.
         */
        public static final long DEFAULT_LUMP_ALLOWANCE_NANOS = 60_000_000_000L;

        /**
         * The kernel floors each CPU's nanoseconds to ticks at each of the two reads that bound a
         * stretch (and the aggregate's sum once more): two ticks per CPU cover what rounding adds.
         */
        public static final long ROUNDING_TICKS_PER_CPU = 2;

        public Auto {
            if (lumpAllowanceNanos < 0) {
                throw new IllegalArgumentException("the lump allowance must not be negative: " + lumpAllowanceNanos);
            }
        }

        /** The default rule: a 60 s lump allowance. */
        public static Auto withDefaultAllowance() {
            return new Auto(DEFAULT_LUMP_ALLOWANCE_NANOS);
        }

        @Override
        public Fit fit(long rise, long elapsedNanos, int cpus) {
            // Wall time alone is the common case, and the cheaper test: the watch makes it per line per sample.
            if (rise <= saturatingMultiply(Math.max(0, elapsedNanos), cpus) / NANOS_PER_TICK) {
                return Fit.STARTS_AFRESH;
            }
            return rise <= allowed(elapsedNanos, cpus) ? Fit.WITHIN : Fit.EXCEEDS;
        }

        @Override
        public long allowed(long elapsedNanos, int cpus) {
            long cpuNanos = saturatingMultiply(saturatingAdd(Math.max(0, elapsedNanos), lumpAllowanceNanos), cpus);
            return saturatingAdd(cpuNanos / NANOS_PER_TICK, ROUNDING_TICKS_PER_CPU * cpus);
        }

        private static long saturatingMultiply(long a, long b) {
            try {
                return Math.multiplyExact(a, b);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE; // centuries of CPU time: anything can accrue
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
