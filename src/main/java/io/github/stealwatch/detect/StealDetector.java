package io.github.stealwatch.detect;

import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the steal counters of a sequence of samples, on the aggregate line and on every CPU: a
 * CPU whose steal goes back while another's rises can hide in the sum. A counter that goes back
 * trips at once. A rise is judged over the line's stretch (see {@link MaxDelta}), so steal that
 * the kernel accounts in lumps is no anomaly while a counter that runs faster than wall time is,
 * once its excess outgrows the lump allowance. After a trip the line starts a new stretch. Only
 * steal is judged; idle, iowait and user do go back a tick now and then on healthy kernels.
 * Comparing two healthy snapshots allocates nothing: the watch does it ten times a second.
 */
public final class StealDetector {

    private final MaxDelta maxDelta;
    private final int cpusWhenUnlisted;
    private final Stretches stretches = new Stretches();
    private boolean started;
    private long lastNanos;

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
     * The events between {@code before} and {@code after}, the next sample of the sequence:
     * anomalies first, aggregate line first; an empty list, allocated once for all, when nothing
     * happened. The first call, or one whose {@code before} is not the last call's {@code after},
     * starts every line's stretch at {@code before}, with its whole allowance: steal that accrued
     * before the first sample may land in the next ones.
     */
    public List<Event> compare(StatSnapshot before, StatSnapshot after) {
        if (!started || before.monotonicNanos() != lastNanos) {
            startAll(before);
            started = true;
        }
        long now = after.monotonicNanos();
        lastNanos = now;
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
                // A CPU that comes back starts its own stretch, with its whole allowance.
                stretches.start(after.cpuNumber(j), now, after.cpuSteal(j));
                cpuSetChanges = added(cpuSetChanges, new CpuCameOnline(cpuName(after.cpuNumber(j))));
                appearedSteal += after.cpuSteal(j++);
            } else {
                Anomaly anomaly = judge(after.cpuNumber(j), before.cpuSteal(i++), after.cpuSteal(j++), now, 1);
                if (anomaly != null) {
                    perCpu = added(perCpu, anomaly);
                }
            }
        }

        Anomaly aggregate = cpuSetChanges == null
                ? judge(CpuLine.AGGREGATE, before.aggregateSteal(), after.aggregateSteal(), now, cpusCovered(was, is))
                : judgeAggregateAcrossHotplug(before, after, Math.max(was, is), vanishedSteal - appearedSteal);
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

    /**
     * When the set of CPUs changed, the aggregate is judged over this one sample, with the whole
     * allowance, and starts a new stretch after it: its CPU count changed. Kernels that sum only
     * online CPUs into the aggregate make it drop (or rise) by the steal of the CPUs that went away
     * (or came back), so a change is also accepted when the sum over the CPUs in both explains it.
     */
    private Anomaly judgeAggregateAcrossHotplug(StatSnapshot before, StatSnapshot after, int cpus,
                                                long vanishedMinusAppeared) {
        long stealBefore = before.aggregateSteal();
        long stealAfter = after.aggregateSteal();
        long elapsed = after.monotonicNanos() - before.monotonicNanos();
        Anomaly anomaly = judgeOneSample(stealBefore, stealAfter, elapsed, cpus);
        if (anomaly != null) {
            long overSharedCpus = stealAfter - stealBefore + vanishedMinusAppeared;
            if (judgeOneSample(stealBefore, stealBefore + overSharedCpus, elapsed, cpus) == null) {
                anomaly = null;
            }
        }
        stretches.start(CpuLine.AGGREGATE, after.monotonicNanos(), stealAfter);
        return anomaly;
    }

    /** The aggregate's step from {@code before} to {@code after} as a stretch of its own, or null. */
    private Anomaly judgeOneSample(long before, long after, long elapsedNanos, int cpus) {
        if (after - before < 0) {
            return new StealWentBack(cpuName(CpuLine.AGGREGATE), before, after);
        }
        return maxDelta.fit(after - before, elapsedNanos, cpus) != MaxDelta.Fit.EXCEEDS ? null
                : new StealJumped(cpuName(CpuLine.AGGREGATE), before, after, elapsedNanos, cpus,
                        maxDelta.allowed(elapsedNanos, cpus), maxDelta);
    }

    /**
     * Judges one line's step from {@code stepBefore} to {@code after}: a drop trips at once, a rise
     * is held against the line's stretch. The stretch starts again after a trip, or where the
     * bound says it may.
     */
    private Anomaly judge(int cpu, long stepBefore, long after, long nowNanos, int cpus) {
        if (after - stepBefore < 0) {
            stretches.start(cpu, nowNanos, after);
            return new StealWentBack(cpuName(cpu), stepBefore, after);
        }
        long startSteal = stretches.startSteal(cpu);
        long elapsed = nowNanos - stretches.startNanos(cpu);
        MaxDelta.Fit fit = maxDelta.fit(after - startSteal, elapsed, cpus);
        if (fit == MaxDelta.Fit.WITHIN) {
            return null;
        }
        stretches.start(cpu, nowNanos, after);
        return fit == MaxDelta.Fit.STARTS_AFRESH ? null : new StealJumped(cpuName(cpu), startSteal, after, elapsed,
                cpus, maxDelta.allowed(elapsed, cpus), maxDelta);
    }

    private void startAll(StatSnapshot first) {
        long nanos = first.monotonicNanos();
        stretches.start(CpuLine.AGGREGATE, nanos, first.aggregateSteal());
        for (int i = 0; i < first.cpuCount(); i++) {
            stretches.start(first.cpuNumber(i), nanos, first.cpuSteal(i));
        }
    }

    private int cpusCovered(int was, int is) {
        int listed = Math.max(was, is);
        return listed == 0 ? cpusWhenUnlisted : listed;
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
