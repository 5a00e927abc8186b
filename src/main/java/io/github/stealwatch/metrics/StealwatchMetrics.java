package io.github.stealwatch.metrics;

import io.github.stealwatch.metrics.MetricFamily.Type;
import io.github.stealwatch.spool.Delivery;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The metrics stealwatch publishes: their names, types and help, the contract the shipped alert
 * rules (src/dist/prometheus/stealwatch-rules.yml) and users' dashboards rely on. Every series has a
 * {@code command} label; every series that may ever exist is written from the first file on, at 0,
 * so that {@code increase()} sees the first anomaly (a series born at 1 shows no increase).
 */
public final class StealwatchMetrics {

    /** Kinds as check's JSON names them. */
    static final String WENT_BACK = "went_back";
    static final String JUMPED = "jumped";

    private StealwatchMetrics() {
    }

    /** The whole file for {@code command}, written {@code now}. */
    public static String text(MetricsCommand command, String version, Readings readings, Instant now) {
        return PrometheusText.write(families(command, version, readings, Seconds.of(now)));
    }

    /** The reports waiting in {@code outbox}'s spool, or NaN when it cannot be read: never a reassuring 0. */
    public static double spoolReports(Delivery outbox) {
        try {
            return outbox.waiting();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static List<MetricFamily> families(MetricsCommand command, String version, Readings readings,
                                       double nowSeconds) {
        String name = command.label();
        Counts counts = readings.counts();
        List<MetricFamily> families = new ArrayList<>();
        families.add(gauge("stealwatch_build_info", "The version of stealwatch that wrote this file; always 1.",
                new Series(Map.of("command", name, "version", version), 1)));
        families.add(counter("stealwatch_samples_total", "Samples of /proc/stat taken.",
                new Series(Map.of("command", name), counts.samples())));
        families.add(counter("stealwatch_anomalies_total", "Samples in which a steal counter misbehaved, by kind: "
                        + "went_back (it dropped) or jumped (it rose by more than can have accrued).",
                new Series(Map.of("command", name, "kind", WENT_BACK), counts.wentBack()),
                new Series(Map.of("command", name, "kind", JUMPED), counts.jumped())));
        families.add(gauge("stealwatch_last_anomaly_timestamp_seconds",
                "When a steal counter last misbehaved, in Unix seconds; 0 if never.",
                new Series(Map.of("command", name), readings.lastAnomalySeconds())));
        families.add(gauge("stealwatch_last_run_timestamp_seconds",
                "When this file was written, in Unix seconds: a heartbeat for staleness alerts.",
                new Series(Map.of("command", name), nowSeconds)));
        families.add(counter("stealwatch_read_errors_total", "Reads of /proc/stat that failed.",
                new Series(Map.of("command", name), counts.readErrors())));
        if (command == MetricsCommand.WATCH) {
            families.add(counter("stealwatch_sampling_stalls_total", "Samples that came more than an interval "
                            + "late: the VM was paused (a live migration, a snapshot) or the host overloaded.",
                    new Series(Map.of("command", name), counts.stalls())));
        }
        families.add(gauge("stealwatch_steal_ratio", "Steal's share of CPU time on the aggregate cpu line over the "
                        + "last write interval (watch) or the live window (audit), 0 to 1; NaN when a steal counter "
                        + "misbehaved in it, so it is never built on a broken counter.",
                new Series(Map.of("command", name), readings.stealRatio())));
        families.add(counter("stealwatch_reports_total", "Reports by what became of them: sent (the mail server "
                        + "took it), spooled (kept to retry), printed (on standard output as asked, or on standard "
                        + "error when even the spool failed), dropped (the spool was full).",
                new Series(Map.of("command", name, "outcome", "sent"), counts.sent()),
                new Series(Map.of("command", name, "outcome", "spooled"), counts.spooled()),
                new Series(Map.of("command", name, "outcome", "printed"), counts.printed()),
                new Series(Map.of("command", name, "outcome", "dropped"), counts.dropped())));
        families.add(gauge("stealwatch_spool_reports", "Reports waiting in the spool for the mail server.",
                new Series(Map.of("command", name), readings.spoolReports())));
        return families;
    }

    private static MetricFamily counter(String name, String help, Series... series) {
        return new MetricFamily(name, Type.COUNTER, help, List.of(series));
    }

    private static MetricFamily gauge(String name, String help, Series... series) {
        return new MetricFamily(name, Type.GAUGE, help, List.of(series));
    }
}
