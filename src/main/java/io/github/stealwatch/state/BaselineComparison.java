package io.github.stealwatch.state;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.Event;
import io.github.stealwatch.detect.StealDetector;
import java.time.Duration;
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
        SAME_BOOT,
        /**
         * Compared too: the boot id differs, but the uptime grew with the wall clock, which no reboot
         * allows; the same kernel boot seen under two ids (see {@link #uptimeKeptPace}).
         */
        SAME_BOOT_OTHER_ID
    }

    /**
     * How far uptime and the wall clock may part between two runs of one boot and still count as
     * keeping pace: an NTP step or slew in between, which moves the wall clock alone.
     */
    static final Duration CLOCK_SLIP = Duration.ofSeconds(60);

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
        Kind same = Kind.SAME_BOOT;
        if (!before.bootId().equals(now.bootId())) {
            if (!uptimeKeptPace(before, now)) {
                return new BaselineComparison(Kind.NEW_BOOT, before, now, List.of());
            }
            same = Kind.SAME_BOOT_OTHER_ID;
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
        return new BaselineComparison(same, before, now, anomalies);
    }

    /**
     * True when the uptime grew by the wall time between the two runs, within {@link #CLOCK_SLIP}
     * and within half the earlier uptime. One kernel boot can show two boot ids: in a container,
     * systemd-nspawn mounts an id of its own over /proc/sys/kernel/random/boot_id, and a unit's
     * ProtectKernelTunables= mounts /proc/sys afresh, so the audit unit reads the kernel's id while an
     * audit typed by hand reads the container's (seen under systemd as PID 1 in nspawn). Across a real
     * reboot the uptime falls behind the wall clock by at least the old boot's uptime at the last run,
     * so a run made even seconds after boot is not taken for the same boot.
     */
    static boolean uptimeKeptPace(AuditState before, AuditState now) {
        long wallNanos = Duration.between(before.savedAt(), now.savedAt()).toNanos();
        long uptimeNanos = now.uptimeNanos() - before.uptimeNanos();
        long slip = Math.min(CLOCK_SLIP.toNanos(), before.uptimeNanos() / 2);
        return uptimeNanos >= 0 && Math.abs(wallNanos - uptimeNanos) <= slip;
    }

    /** The time between the two runs' reads, by uptime. */
    public long elapsedNanos() {
        return previous == null ? 0 : now.uptimeNanos() - previous.uptimeNanos();
    }
}
