package io.github.stealwatch.detect;

import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the steal counters of two consecutive samples, on the aggregate line and on every CPU
 * present in both: a CPU whose steal goes back while another's rises can hide in the sum. Only
 * steal is judged; idle, iowait and user do go back a tick now and then on healthy kernels.
 * Comparing two healthy snapshots allocates nothing: the watch does it ten times a second.
 */
public final class StealDetector {

    private final MaxDelta maxDelta;
    private final int cpusWhenUnlisted;

    /**
     * @param cpusWhenUnlisted how many CPUs the aggregate line covers when a sample has no
     *                         {@code cpuN} lines (a hand-made trace)
     */
    public StealDetector(MaxDelta maxDelta, int cpusWhenUnlisted) {
        if (cpusWhenUnlisted < 1) {
            throw new IllegalArgumentException("cpus must be at least 1: " + cpusWhenUnlisted);
        }
        this.maxDelta = maxDelta;
        this.cpusWhenUnlisted = cpusWhenUnlisted;
    }

    /** The events between two kept samples (the audit's runs); see {@link #compare(StatSnapshot, StatSnapshot)}. */
    public List<Event> compare(Sample before, Sample after) {
        return compare(StatSnapshot.of(before), StatSnapshot.of(after));
    }

    /**
     * The events between {@code before} and {@code after}: anomalies first, aggregate line first;
     * an empty list, allocated once for all, when nothing happened.
     */
    public List<Event> compare(StatSnapshot before, StatSnapshot after) {
        long elapsed = after.monotonicNanos() - before.monotonicNanos();
        List<Event> perCpu = null;
        List<Event> cpuSetChanges = null;
        long vanishedSteal = 0;
        long appearedSteal = 0;

        int was = before.cpuCount();
        int is = after.cpuCount();
        int i = 0;
        int j = 0;
        while (i < was || j < is) {
            // Both are in ascending CPU order; walk them together to pair CPUs by number.
            if (j == is || (i < was && before.cpuNumber(i) < after.cpuNumber(j))) {
                cpuSetChanges = added(cpuSetChanges, new CpuWentOffline(cpuName(before.cpuNumber(i))));
                vanishedSteal += before.cpuSteal(i++);
            } else if (i == was || after.cpuNumber(j) < before.cpuNumber(i)) {
                cpuSetChanges = added(cpuSetChanges, new CpuCameOnline(cpuName(after.cpuNumber(j))));
                appearedSteal += after.cpuSteal(j++);
            } else {
                Anomaly anomaly = judge(after.cpuNumber(j), before.cpuSteal(i++), after.cpuSteal(j++), elapsed, 1);
                if (anomaly != null) {
                    perCpu = added(perCpu, anomaly);
                }
            }
        }

        int aggregateCpus = Math.max(was, is);
        int cpusCovered = aggregateCpus == 0 ? cpusWhenUnlisted : aggregateCpus;
        long stealBefore = before.aggregateSteal();
        Anomaly aggregate = judge(CpuLine.AGGREGATE, stealBefore, after.aggregateSteal(), elapsed, cpusCovered);
        if (aggregate != null && cpuSetChanges != null) {
            // Kernels that sum only online CPUs into the aggregate make it drop (or rise) by the
            // steal of the CPUs that went away (or came back): judge the sum over the CPUs in both.
            long overSharedCpus = aggregate.delta() + vanishedSteal - appearedSteal;
            if (judge(CpuLine.AGGREGATE, stealBefore, stealBefore + overSharedCpus, elapsed, aggregateCpus) == null) {
                aggregate = null;
            }
        }
        if (aggregate == null && perCpu == null && cpuSetChanges == null) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        if (aggregate != null) {
            events.add(aggregate);
        }
        addAll(events, perCpu);
        addAll(events, cpuSetChanges);
        return events;
    }

    private Anomaly judge(int cpu, long before, long after, long elapsedNanos, int cpus) {
        long delta = after - before;
        if (delta < 0) {
            return new StealWentBack(cpuName(cpu), before, after);
        }
        long allowed = maxDelta.allowed(elapsedNanos, cpus);
        if (delta > allowed) {
            long limit = maxDelta.physical() ? MaxDelta.Auto.physicalMaximum(elapsedNanos, cpus) : allowed;
            return new StealJumped(cpuName(cpu), before, after, elapsedNanos, limit, maxDelta.physical());
        }
        return null;
    }

    /** The line's name as /proc/stat prints it ("cpu%d"); only built when an event names it. */
    private static String cpuName(int cpu) {
        return cpu == CpuLine.AGGREGATE ? "cpu" : "cpu" + cpu;
    }

    private static List<Event> added(List<Event> events, Event event) {
        List<Event> list = events == null ? new ArrayList<>() : events;
        list.add(event);
        return list;
    }

    private static void addAll(List<Event> events, List<Event> more) {
        if (more != null) {
            events.addAll(more);
        }
    }
}
