package io.github.stealwatch.diagnosis;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Sample;
import java.util.List;

/**
 * What one line's steal counter did between the sample before the trigger and the trigger.
 *
 * @param anomaly       what the detector saw on that line
 * @param before        the line's steal in the sample before (unsigned)
 * @param after         the line's steal at the trigger (unsigned)
 * @param elapsedNanos  the time between the two samples
 * @param stepBackTicks how far the steal clock stepped back, for a wrap or a drop; null for a jump
 */
public record Finding(Anomaly anomaly, Pattern pattern, long before, long after, long elapsedNanos,
                      Long stepBackTicks) {

    /** The line that sums all CPUs (fs/proc/stat.c). */
    static final String AGGREGATE_LINE = "cpu";

    public String line() {
        return anomaly.line();
    }

    /** The finding for each line that tripped at a trigger, the best explanation first: see {@link #best}. */
    static Finding of(List<Anomaly> trigger, Sample before, Sample at) {
        return best(trigger.stream().map(anomaly -> of(anomaly, before, at)).toList());
    }

    /**
     * The finding that best explains a trigger: a wrap on any line first (one CPU's wrap may show
     * on the aggregate as a mere drop: fs/proc/stat.c sums the CPUs' nanoseconds before dividing),
     * then the aggregate line, then the first line that tripped.
     */
    static Finding best(List<Finding> findings) {
        Finding aggregate = null;
        for (Finding finding : findings) {
            if (finding.pattern == Pattern.WRAPPED) {
                return finding;
            }
            if (aggregate == null && finding.line().equals(AGGREGATE_LINE)) {
                aggregate = finding;
            }
        }
        return aggregate != null ? aggregate : findings.get(0);
    }

    /** Classifies one anomaly from its line's values in two consecutive samples. */
    static Finding of(Anomaly anomaly, Sample before, Sample at) {
        CpuLine earlier = before.line(anomaly.line());
        long from = earlier != null ? earlier.steal() : anomaly.before();
        return classify(anomaly, from, anomaly.after(), at.monotonicNanos() - before.monotonicNanos());
    }

    /** Classifies a change from {@code from} to {@code to} in {@code elapsedNanos} that tripped {@code anomaly}. */
    static Finding classify(Anomaly anomaly, long from, long to, long elapsedNanos) {
        long change = to - from;
        if (anomaly instanceof StealWentBack || Long.compareUnsigned(to, from) < 0) {
            return new Finding(anomaly, Pattern.WENT_BACK, from, to, elapsedNanos, -change);
        }
        if (WrapArithmetic.isWrap(change)) {
            return new Finding(anomaly, Pattern.WRAPPED, from, to, elapsedNanos, WrapArithmetic.stepBackTicks(change));
        }
        return new Finding(anomaly, Pattern.JUMPED, from, to, elapsedNanos, null);
    }
}
