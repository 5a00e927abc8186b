package io.github.stealwatch.state;

import io.github.stealwatch.source.Boot;
import io.github.stealwatch.source.Sample;
import java.time.Instant;

/**
 * What one audit leaves for the next: the counters it read, on which boot, and when.
 *
 * @param sample the cpu lines; its time is the uptime at the read, so two runs of one boot compare
 *               on one clock
 */
public record AuditState(String bootId, Instant savedAt, Sample sample) {

    /** The state for {@code sample}, read with {@code boot}'s uptime as its time. */
    public static AuditState of(Boot boot, Instant savedAt, Sample sample) {
        return new AuditState(boot.id(), savedAt, new Sample(boot.uptimeNanos(), sample.aggregate(), sample.cpus()));
    }

    public long uptimeNanos() {
        return sample.monotonicNanos();
    }
}
