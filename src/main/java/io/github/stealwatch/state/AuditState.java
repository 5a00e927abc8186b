package io.github.stealwatch.state;

import io.github.stealwatch.metrics.Counts;
import io.github.stealwatch.source.Boot;
import io.github.stealwatch.source.Sample;
import java.time.Instant;

/**
 * What one audit leaves for the next: the counters it read, on which boot, and when; and the
 * metrics' counts of all runs so far, which go on across reboots so {@code increase()} works over days.
 *
 * @param sample             the cpu lines; its time is the uptime at the read, so two runs of one
 *                           boot compare on one clock
 * @param counts             what all audits so far counted
 * @param lastAnomalySeconds when an audit last saw a steal counter misbehave, in Unix seconds; 0 if never
 */
public record AuditState(String bootId, Instant savedAt, Sample sample, Counts counts, double lastAnomalySeconds) {

    /** The state for {@code sample}, read with {@code boot}'s uptime as its time. */
    public static AuditState of(Boot boot, Instant savedAt, Sample sample, Counts counts, double lastAnomalySeconds) {
        return new AuditState(boot.id(), savedAt, new Sample(boot.uptimeNanos(), sample.aggregate(), sample.cpus()),
                counts, lastAnomalySeconds);
    }

    /** The state for {@code sample} with nothing counted yet. */
    public static AuditState of(Boot boot, Instant savedAt, Sample sample) {
        return of(boot, savedAt, sample, Counts.ZERO, 0);
    }

    /** This baseline with other counts: a run that could not read the counters still keeps its tally. */
    public AuditState withCounts(Counts newCounts, double newLastAnomalySeconds) {
        return new AuditState(bootId, savedAt, sample, newCounts, newLastAnomalySeconds);
    }

    public long uptimeNanos() {
        return sample.monotonicNanos();
    }
}
