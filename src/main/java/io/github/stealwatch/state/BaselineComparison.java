package io.github.stealwatch.state;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.Event;
import io.github.stealwatch.detect.StealDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This audit's counters against the last one's. On the same boot, a steal counter that went back
 * or rose by more than can physically accrue in the uptime between them, plus the lump allowance
 * once, is an anomaly, on the aggregate line and on each CPU; a new boot resets every counter and
 * starts a new baseline.
 *
 * @param previous the last run's state, or null on the first run
 */
public record BaselineComparison(Kind kind, AuditState previous, AuditState now, List<Anomaly> anomalies) {

    /** How this run relates to the last one. */
    public enum Kind {
        /** No earlier state (or an unreadable one): this run writes the first baseline. */
        FIRST_RUN,
        /** The machine rebooted since: the counters started again from zero. */
        NEW_BOOT,
        /** The same boot's uptime is lower than the saved one: the saved state cannot be from this boot. */
        UPTIME_WENT_BACK,
        /** Compared: the anomalies, if any, are real. */
        SAME_BOOT
    }

    public BaselineComparison {
        anomalies = List.copyOf(anomalies);
    }

    /**
     * @param detector a detector with the auto bound, new for this comparison: the two runs' reads
     *                 are one stretch, timed by uptime
     */
    public static BaselineComparison of(Optional<AuditState> previous, AuditState now, StealDetector detector) {
        if (previous.isEmpty()) {
            return new BaselineComparison(Kind.FIRST_RUN, null, now, List.of());
        }
        AuditState before = previous.get();
        if (!before.bootId().equals(now.bootId())) {
            return new BaselineComparison(Kind.NEW_BOOT, before, now, List.of());
        }
        if (now.uptimeNanos() < before.uptimeNanos()) {
            return new BaselineComparison(Kind.UPTIME_WENT_BACK, before, now, List.of());
        }
        List<Anomaly> anomalies = new ArrayList<>();
        for (Event event : detector.compare(before.sample(), now.sample())) {
            if (event instanceof Anomaly anomaly) {
                anomalies.add(anomaly);
            }
        }
        return new BaselineComparison(Kind.SAME_BOOT, before, now, anomalies);
    }

    /** The time between the two runs' reads, by uptime. */
    public long elapsedNanos() {
        return previous == null ? 0 : now.uptimeNanos() - previous.uptimeNanos();
    }
}
