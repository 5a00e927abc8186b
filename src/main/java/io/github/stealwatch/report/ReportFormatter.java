package io.github.stealwatch.report;

import io.github.stealwatch.detect.AnomalyText;
import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.diagnosis.Diagnoser;
import io.github.stealwatch.diagnosis.Diagnosis;
import io.github.stealwatch.diagnosis.Pattern;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.trace.Recording;
import io.github.stealwatch.trace.RecordingSink;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a recording as a report: first the article's table of time, steal counter and change,
 * then its diagnosis, then in plain words where it comes from, what tripped it and which lines tripped.
 */
public final class ReportFormatter {

    /** The article's subject, kept for what it reported: a counter that jumped (a wrap shows as one too). */
    public static final String SUBJECT = "Steal time jumped!";

    /** A drop is no jump: the subject says what the counter did, so a reader of subjects alone is not misled. */
    public static final String WENT_BACK_SUBJECT = "Steal time went back!";

    /** Beyond this many tripped lines the list is cut: 64 CPUs × 20 rows would bury the table. */
    static final int MAX_TRIPPED_LINES = 40;

    private final HostFacts host;
    private final String source;

    /** @param source where the samples came from, e.g. "/proc/stat, every 100 ms" */
    public ReportFormatter(HostFacts host, String source) {
        this.host = host;
        this.source = source;
    }

    public Report format(Recording recording) {
        Diagnosis diagnosis = Diagnoser.diagnose(recording, host);
        String body = stealTable(recording.rows()) + "\n" + DiagnosisSection.format(diagnosis)
                + "\n" + facts(recording) + "\n" + trippedLines(recording);
        return new Report(subject(diagnosis.pattern()) + " on " + host.hostName(), body);
    }

    /** A recording sink that formats each finished recording here and hands the report to {@code sink}. */
    public RecordingSink reportingTo(ReportSink sink) {
        return recording -> sink.deliver(format(recording));
    }

    static String subject(Pattern pattern) {
        return pattern == Pattern.WENT_BACK ? WENT_BACK_SUBJECT : SUBJECT;
    }

    static String stealTable(List<Sample> rows) {
        ColumnTable table = new ColumnTable().row("time", "stolen", "diff").row("----", "------", "----");
        Sample first = rows.get(0);
        table.row(time(first, first), Long.toUnsignedString(first.aggregate().steal()));
        for (int i = 1; i < rows.size(); i++) {
            long steal = rows.get(i).aggregate().steal();
            long diff = steal - rows.get(i - 1).aggregate().steal();
            table.row(time(first, rows.get(i)), Long.toUnsignedString(steal), Long.toString(diff));
        }
        return table.render();
    }

    /** Said when a host's many CPUs, not --samples, set how many rows the recording could hold. */
    private static String lineBound(Recording recording) {
        if (!recording.atLineBound()) {
            return "";
        }
        List<Sample> rows = recording.rows();
        return ", as many as fit in " + Recorder.MAX_CPU_LINES + " cpu lines (" + (rows.get(rows.size() - 1).cpus().size()
                + 1) + " a sample on this host)";
    }

    private String facts(Recording recording) {
        Anomaly trigger = recording.trigger().get(0);
        StringBuilder text = new StringBuilder()
                .append("Host:     ").append(host.hostName()).append('\n')
                .append("Kernel:   ").append(host.kernelRelease()).append('\n')
                .append("Source:   ").append(source).append('\n')
                .append("Trigger:  ").append(trigger.line()).append(": ").append(AnomalyText.describe(trigger))
                .append('\n')
                .append("Recorded: ").append(recording.rows().size()).append(" samples")
                .append(recording.complete() ? lineBound(recording) : ", cut short: the input ended or the watch stopped")
                .append('\n');
        if (recording.suppressedSamples() > 0) {
            text.append("Not mailed during the cooldown since the last report: ")
                    .append(recording.suppressedSamples()).append(" anomalous samples\n");
        }
        return text.toString();
    }

    /**
     * Each line that tripped, once: when it first tripped, its values then, and in how many rows
     * it tripped. One row per line keeps the list as long as the CPU count, not CPUs × rows.
     */
    private static String trippedLines(Recording recording) {
        Map<String, Anomaly> firstTrip = new LinkedHashMap<>();
        Map<String, Long> firstTripTime = new HashMap<>();
        Map<String, Integer> rowsTripped = new HashMap<>();
        Sample first = recording.rows().get(0);
        for (int i = 1; i < recording.rows().size(); i++) {
            for (Anomaly anomaly : recording.anomalies().get(i)) {
                if (firstTrip.putIfAbsent(anomaly.line(), anomaly) == null) {
                    firstTripTime.put(anomaly.line(), recording.rows().get(i).monotonicNanos());
                }
                rowsTripped.merge(anomaly.line(), 1, Integer::sum);
            }
        }
        ColumnTable table = new ColumnTable().row("line", "first", "before", "after", "rows", "what");
        int listed = 0;
        for (Anomaly anomaly : firstTrip.values()) {
            if (listed++ == MAX_TRIPPED_LINES) {
                break;
            }
            table.row(anomaly.line(), millis(firstTripTime.get(anomaly.line()) - first.monotonicNanos()),
                    Long.toUnsignedString(anomaly.before()), Long.toUnsignedString(anomaly.after()),
                    rowsTripped.get(anomaly.line()).toString(), AnomalyText.describe(anomaly));
        }
        String more = firstTrip.size() > MAX_TRIPPED_LINES
                ? "... and " + (firstTrip.size() - MAX_TRIPPED_LINES) + " more lines\n" : "";
        return "Lines whose steal counter tripped (first time, and in how many rows):\n" + table.render() + more;
    }

    private static String time(Sample first, Sample row) {
        return millis(row.monotonicNanos() - first.monotonicNanos());
    }

    private static String millis(long nanos) {
        return AnomalyText.millis(nanos) + "ms";
    }
}
