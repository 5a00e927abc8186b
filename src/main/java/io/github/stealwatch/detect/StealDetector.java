package io.github.stealwatch.detect;

import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the steal counters of two consecutive samples, on the aggregate line and on every CPU
 * present in both: a CPU whose steal goes back while another's rises can hide in the sum. Only
 * steal is judged; idle, iowait and user do go back a tick now and then on healthy kernels.
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

    /** The events between {@code before} and {@code after}: anomalies first, aggregate line first. */
    public List<Event> compare(Sample before, Sample after) {
        long elapsed = after.monotonicNanos() - before.monotonicNanos();
        List<Event> perCpu = new ArrayList<>();
        List<Event> cpuSetChanges = new ArrayList<>();
        long vanishedSteal = 0;
        long appearedSteal = 0;

        List<CpuLine> was = before.cpus();
        List<CpuLine> is = after.cpus();
        int i = 0;
        int j = 0;
        while (i < was.size() || j < is.size()) {
            // Both lists are in ascending CPU order; walk them together to pair CPUs by number.
            if (j == is.size() || (i < was.size() && was.get(i).cpu() < is.get(j).cpu())) {
                cpuSetChanges.add(new CpuWentOffline(was.get(i).name()));
                vanishedSteal += was.get(i++).steal();
            } else if (i == was.size() || is.get(j).cpu() < was.get(i).cpu()) {
                cpuSetChanges.add(new CpuCameOnline(is.get(j).name()));
                appearedSteal += is.get(j++).steal();
            } else {
                addIfAnomalous(perCpu, judge(was.get(i++), is.get(j++), elapsed, 1));
            }
        }

        int aggregateCpus = Math.max(was.size(), is.size());
        Anomaly aggregate = judge(before.aggregate(), after.aggregate(), elapsed,
                aggregateCpus == 0 ? cpusWhenUnlisted : aggregateCpus);
        if (aggregate != null && !cpuSetChanges.isEmpty()) {
            // Kernels that sum only online CPUs into the aggregate make it drop (or rise) by the
            // steal of the CPUs that went away (or came back): judge the sum over the CPUs in both.
            long overSharedCpus = aggregate.delta() + vanishedSteal - appearedSteal;
            if (judgeDelta(aggregate.line(), aggregate.before(), aggregate.before() + overSharedCpus, elapsed,
                    aggregateCpus) == null) {
                aggregate = null;
            }
        }

        List<Event> events = new ArrayList<>(perCpu.size() + cpuSetChanges.size() + 1);
        addIfAnomalous(events, aggregate);
        events.addAll(perCpu);
        events.addAll(cpuSetChanges);
        return events;
    }

    private Anomaly judge(CpuLine before, CpuLine after, long elapsedNanos, int cpus) {
        return judgeDelta(after.name(), before.steal(), after.steal(), elapsedNanos, cpus);
    }

    private Anomaly judgeDelta(String line, long before, long after, long elapsedNanos, int cpus) {
        long delta = after - before;
        if (delta < 0) {
            return new StealWentBack(line, before, after);
        }
        long allowed = maxDelta.allowed(elapsedNanos, cpus);
        if (delta > allowed) {
            long limit = maxDelta.physical() ? MaxDelta.Auto.physicalMaximum(elapsedNanos, cpus) : allowed;
            return new StealJumped(line, before, after, elapsedNanos, limit, maxDelta.physical());
        }
        return null;
    }

    private static void addIfAnomalous(List<Event> events, Anomaly anomaly) {
        if (anomaly != null) {
            events.add(anomaly);
        }
    }
}
