package io.github.stealwatch;

import java.lang.management.ManagementFactory;

/**
 * Counts the bytes the current thread allocates on the heap, as the JVM's own per-thread counter
 * gives them. Tests run mostly interpreted, where no allocation is optimised away, so an
 * allocation left on a path shows up here even if a warmed-up C2 could elide it.
 */
public final class AllocationMeter {

    /** A step that may throw, as reading a file does. */
    public interface Step {
        void run() throws Exception;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** The bytes allocated by {@code runs} runs of {@code step}, after {@code warmUps} runs that are not counted. */
    public static long bytesAllocated(int warmUps, int runs, Step step) throws Exception {
        for (int i = 0; i < warmUps; i++) {
            step.run();
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < runs; i++) {
            step.run();
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /**
     * Fails unless {@code bytes} over {@code runs} runs come to less than a byte a run. Not exactly
     * zero: the JVM itself allocates a few hundred bytes once while it compiles the loop, whereas
     * an object made on every run costs at least 16 bytes (a header) times the runs.
     */
    public static void assertNonePerRun(long bytes, int runs) {
        if (bytes >= runs) {
            throw new AssertionError(bytes + " bytes allocated in " + runs + " runs: "
                    + String.format(java.util.Locale.ROOT, "%.1f", (double) bytes / runs) + " per run, expected none");
        }
    }
}
