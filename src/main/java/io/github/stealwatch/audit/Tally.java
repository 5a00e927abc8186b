package io.github.stealwatch.audit;

import io.github.stealwatch.metrics.Counts;
import io.github.stealwatch.metrics.LiveMetrics;
import io.github.stealwatch.metrics.Readings;
import io.github.stealwatch.state.AuditState;
import java.util.Optional;

/**
 * The metrics' counts across audit runs: what the last run's state carries, plus this run's. They
 * go on across runs and reboots, so {@code increase()} works over days; only a lost or corrupt
 * state file starts them again, which Prometheus takes as a counter reset.
 */
final class Tally {

    private final Optional<AuditState> previous;
    private final LiveMetrics thisRun;

    /** @param previous the last run's state, if one could be read */
    Tally(Optional<AuditState> previous, LiveMetrics thisRun) {
        this.previous = previous;
        this.thisRun = thisRun;
    }

    /** {@code state} with the counts of every run so far, this one's included. */
    AuditState onto(AuditState state) {
        return state.withCounts(counts(), lastAnomalySeconds());
    }

    /** What the metrics file says: every run's counts, and the steal ratio over this run's live window. */
    Readings readings(double spoolReports) {
        Readings run = thisRun.take(spoolReports);
        return new Readings(counts(), lastAnomalySeconds(), run.stealRatio(), run.spoolReports());
    }

    private Counts counts() {
        return previous.map(AuditState::counts).orElse(Counts.ZERO).plus(thisRun.counts());
    }

    private double lastAnomalySeconds() {
        double latest = thisRun.lastAnomalySeconds();
        return latest > 0 ? latest : previous.map(AuditState::lastAnomalySeconds).orElse(0.0);
    }
}
