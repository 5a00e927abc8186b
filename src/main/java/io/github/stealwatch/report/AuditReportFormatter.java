package io.github.stealwatch.report;

import io.github.stealwatch.detect.AnomalyText;
import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.diagnosis.Diagnoser;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.state.AuditState;
import io.github.stealwatch.state.BaselineComparison;
import java.util.List;
import java.util.Locale;

/**
 * Writes an audit's findings as one report: the comparison with the last audit (which lines went
 * wrong between the two runs, and its diagnosis), then the live window, as its own report when it tripped too, or as
 * the article's table when it did not.
 */
public final class AuditReportFormatter {

    public static final String SUBJECT = "Steal counter misbehaved between audits";

    private final HostFacts host;
    private final String source;

    /** @param source where the live window came from, e.g. "/proc/stat, every 100 ms for 2 s" */
    public AuditReportFormatter(HostFacts host, String source) {
        this.host = host;
        this.source = source;
    }

    /**
     * @param windowRows    the first samples of the live window, for its table
     * @param windowSummary the live window's verdict in words
     * @param windowReports the reports the live window's watchdog made, if it tripped
     */
    public Report format(BaselineComparison comparison, List<Sample> windowRows, String windowSummary,
                         List<Report> windowReports) {
        StringBuilder body = new StringBuilder();
        String subject = windowReports.isEmpty() ? SUBJECT : windowReports.get(0).subject();
        if (!comparison.anomalies().isEmpty()) {
            subject = SUBJECT;
            body.append(betweenRuns(comparison)).append('\n')
                    .append(DiagnosisSection.format(Diagnoser.betweenRuns(comparison.anomalies(),
                            comparison.elapsedNanos(), windowRows, host))).append('\n');
        }
        body.append("Live window: ").append(windowSummary).append('\n');
        if (windowReports.isEmpty()) {
            body.append(ReportFormatter.stealTable(windowRows));
        } else {
            for (Report report : windowReports) {
                body.append('\n').append(report.body());
            }
        }
        body.append('\n')
                .append("Host:     ").append(host.hostName()).append('\n')
                .append("Kernel:   ").append(host.kernelRelease()).append('\n')
                .append("Source:   ").append(source).append('\n');
        return new Report(subject + " on " + host.hostName(), body.toString());
    }

    /** How the two runs are known to be on one boot: the same id, or (seen as two ids) the uptime. */
    private static String sameBoot(AuditState before, AuditState now) {
        if (before.bootId().equals(now.bootId())) {
            return "same boot " + now.bootId();
        }
        return "same boot, its uptime grown with the clock, though its id read " + before.bootId() + " then and "
                + now.bootId() + " now";
    }

    private static String betweenRuns(BaselineComparison comparison) {
        AuditState before = comparison.previous();
        AuditState now = comparison.now();
        StringBuilder text = new StringBuilder()
                .append("Between the last audit and this one (").append(sameBoot(before, now)).append("):\n")
                .append("Last audit: ").append(before.savedAt()).append(", ").append(seconds(before.uptimeNanos()))
                .append(" after boot\n")
                .append("This audit: ").append(now.savedAt()).append(", ").append(seconds(now.uptimeNanos()))
                .append(" after boot, ").append(seconds(comparison.elapsedNanos())).append(" later\n\n");
        ColumnTable table = new ColumnTable().row("line", "before", "after", "change", "what");
        List<Anomaly> anomalies = comparison.anomalies();
        for (Anomaly anomaly : anomalies.subList(0, Math.min(anomalies.size(), ReportFormatter.MAX_TRIPPED_LINES))) {
            table.row(anomaly.line(), Long.toUnsignedString(anomaly.before()), Long.toUnsignedString(anomaly.after()),
                    Long.toString(anomaly.delta()), AnomalyText.describe(anomaly));
        }
        text.append(table.render());
        if (anomalies.size() > ReportFormatter.MAX_TRIPPED_LINES) {
            text.append("... and ").append(anomalies.size() - ReportFormatter.MAX_TRIPPED_LINES).append(" more lines\n");
        }
        return text.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
