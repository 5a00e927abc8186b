package io.github.stealwatch.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds samples from steal values alone, for tests that care only about steal. */
public final class TestSamples {

    private TestSamples() {
    }

    /** A line named as the kernel names it, with {@code steal} in the steal column and plausible others. */
    public static CpuLine line(int cpu, long steal) {
        long[] counters = {5322, 0, 4376, 12720669, 37879, 0, 59, steal, 0, 0};
        return new CpuLine(cpu == CpuLine.AGGREGATE ? "cpu" : "cpu" + cpu, cpu, counters);
    }

    /** A sample at {@code millis} with the aggregate's steal and no cpuN lines. */
    public static Sample aggregateOnly(long millis, long steal) {
        return new Sample(TimeUnit.MILLISECONDS.toNanos(millis), line(CpuLine.AGGREGATE, steal), List.of());
    }

    /** A sample at {@code millis} whose cpuN lines are cpu0, cpu1, ... with these steals, summed into the aggregate. */
    public static Sample withCpus(long millis, long... cpuSteals) {
        int[] numbers = new int[cpuSteals.length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i;
        }
        return withNumberedCpus(millis, numbers, cpuSteals);
    }

    /** Like {@link #withCpus} with the CPU numbers given, for gaps and CPUs going offline. */
    public static Sample withNumberedCpus(long millis, int[] numbers, long[] cpuSteals) {
        List<CpuLine> cpus = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < numbers.length; i++) {
            cpus.add(line(numbers[i], cpuSteals[i]));
            sum += cpuSteals[i];
        }
        return new Sample(TimeUnit.MILLISECONDS.toNanos(millis), line(CpuLine.AGGREGATE, sum), cpus);
    }
}
