package io.github.stealwatch.check;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.report.AnomalyText;
import java.util.Locale;

/**
 * A verdict as one JSON object, for scripts. Counters are printed as exact unsigned integers
 * (a steal counter can exceed 2⁵³: parse them as big integers where that matters).
 */
public final class JsonVerdict {

    private JsonVerdict() {
    }

    public static String format(Verdict verdict) {
        double percent = verdict.stealPercent();
        StringBuilder json = new StringBuilder("{")
                .append("\"state\":\"").append(verdict.state()).append("\",")
                .append("\"exit_code\":").append(verdict.state().exitCode()).append(',')
                .append("\"summary\":").append(string(verdict.summary())).append(',')
                .append("\"steal_percent\":").append(Double.isNaN(percent) ? "null"
                        : String.format(Locale.ROOT, "%.3f", percent)).append(',')
                .append("\"steal_ticks\":").append(verdict.share() == null ? "null" : verdict.share().stealTicks())
                .append(',')
                .append("\"total_ticks\":").append(verdict.share() == null ? "null" : verdict.share().totalTicks())
                .append(',')
                .append("\"steal_counter\":").append(verdict.samples() == 0 ? "null"
                        : Long.toUnsignedString(verdict.stealCounter())).append(',')
                .append("\"seconds\":").append(String.format(Locale.ROOT, "%.3f", verdict.elapsedNanos() / 1e9))
                .append(',')
                .append("\"samples\":").append(verdict.samples()).append(',')
                .append("\"warning_percent\":").append(threshold(verdict.thresholds().warningPercent())).append(',')
                .append("\"critical_percent\":").append(threshold(verdict.thresholds().criticalPercent()))
                .append(',')
                .append("\"anomalous_samples\":").append(verdict.anomalousSamples()).append(',')
                .append("\"anomalies\":[");
        for (int i = 0; i < verdict.anomalies().size(); i++) {
            Anomaly anomaly = verdict.anomalies().get(i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"line\":").append(string(anomaly.line()))
                    .append(",\"kind\":\"").append(anomaly instanceof StealWentBack ? "went_back" : "jumped")
                    .append("\",\"before\":").append(Long.toUnsignedString(anomaly.before()))
                    .append(",\"after\":").append(Long.toUnsignedString(anomaly.after()))
                    .append(",\"delta\":").append(anomaly.delta())
                    .append(",\"description\":").append(string(AnomalyText.describe(anomaly)))
                    .append('}');
        }
        return json.append("]}").toString();
    }

    private static String threshold(Double value) {
        return value == null ? "null" : PluginLine.number(value);
    }

    /** A JSON string: quotes, backslashes and control characters escaped (RFC 8259, section 7). */
    static String string(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
