package io.github.stealwatch.check;

import io.github.stealwatch.detect.AnomalyText;
import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.diagnosis.Advice;
import io.github.stealwatch.diagnosis.Diagnoser;
import io.github.stealwatch.diagnosis.Diagnosis;
import io.github.stealwatch.source.Fact;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.MachineFacts;
import java.util.Locale;

/**
 * A verdict as one JSON object, for scripts. Counters are printed as exact unsigned integers
 * (a steal counter can exceed 2⁵³: parse them as big integers where that matters).
 */
public final class JsonVerdict {

    private JsonVerdict() {
    }

    /** @param host the machine, for the diagnosis of a counter that misbehaved */
    public static String format(Verdict verdict, HostFacts host) {
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
        json.append("],\"diagnosis\":");
        if (verdict.recording() == null) {
            json.append("null");
        } else {
            diagnosis(json, Diagnoser.diagnose(verdict.recording(), host));
        }
        return json.append('}').toString();
    }

    /** The diagnosis as an object; a fact nothing tells is null. */
    private static void diagnosis(StringBuilder json, Diagnosis diagnosis) {
        MachineFacts machine = diagnosis.host().machine();
        json.append("{\"line\":").append(string(diagnosis.finding().line()))
                .append(",\"pattern\":").append(string(diagnosis.pattern().id()))
                .append(",\"after\":").append(string(diagnosis.after().id()))
                .append(",\"step_back_ticks\":").append(diagnosis.finding().stepBackTicks() == null ? "null"
                        : Long.toUnsignedString(diagnosis.finding().stepBackTicks()))
                .append(",\"hypervisor\":").append(fact(machine.hypervisor()))
                .append(",\"guest_type\":").append(fact(machine.guestType()))
                .append(",\"clocksource\":").append(fact(machine.clocksource()))
                .append(",\"kernel\":").append(diagnosis.host().kernelRelease().equals(HostFacts.UNKNOWN) ? "null"
                        : string(diagnosis.host().kernelRelease()))
                .append(",\"known_issues\":[")
                .append(String.join(",", diagnosis.knownIssueIds().stream().map(JsonVerdict::string).toList()))
                .append("],\"advice\":").append(string(String.join(" ", Advice.of(diagnosis))))
                .append('}');
    }

    private static String fact(Fact fact) {
        return fact.isKnown() ? string(fact.value()) : "null";
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
