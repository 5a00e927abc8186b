package io.github.stealwatch.metrics;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes metric families in the Prometheus text exposition format 0.0.4, the one node_exporter's
 * textfile collector parses (prometheus/docs, docs/instrumenting/exposition_formats.md). What the
 * collector is strict about is made impossible here: one HELP and TYPE line per metric, each
 * metric's series in one group, no series twice, no timestamps (a file with one is skipped whole),
 * "\n" line ends and a final newline.
 */
final class PrometheusText {

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Label names starting with "__" are reserved for Prometheus itself (docs/concepts/data_model.md). */
    private static final Pattern LABEL_NAME = Pattern.compile("(?!__)[a-zA-Z_][a-zA-Z0-9_]*");

    private PrometheusText() {
    }

    /** @throws IllegalArgumentException on a bad name, a metric given twice or a series repeated */
    static String write(List<MetricFamily> families) {
        StringBuilder text = new StringBuilder();
        Set<String> names = new HashSet<>();
        for (MetricFamily family : families) {
            requireName(METRIC_NAME, family.name());
            if (!names.add(family.name())) {
                throw new IllegalArgumentException("metric " + family.name() + " given twice");
            }
            text.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
            text.append("# TYPE ").append(family.name()).append(' ')
                    .append(family.type().name().toLowerCase(Locale.ROOT)).append('\n');
            Set<Map<String, String>> seen = new HashSet<>();
            for (Series series : family.series()) {
                if (!seen.add(series.labels())) {
                    throw new IllegalArgumentException("series " + family.name() + series.labels() + " given twice");
                }
                text.append(family.name());
                appendLabels(text, series.labels());
                text.append(' ').append(value(series.value())).append('\n');
            }
        }
        return text.toString();
    }

    /** A value as the format spells it: integers without a fraction, never an exponent, NaN and ±Inf by name. */
    static String value(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }

    private static void appendLabels(StringBuilder text, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return;
        }
        text.append('{');
        boolean first = true;
        for (Map.Entry<String, String> label : labels.entrySet()) {
            requireName(LABEL_NAME, label.getKey());
            if (!first) {
                text.append(',');
            }
            text.append(label.getKey()).append("=\"").append(escapeLabelValue(label.getValue())).append('"');
            first = false;
        }
        text.append('}');
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** HELP text escapes backslash and line feed only. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static void requireName(Pattern pattern, String name) {
        if (!pattern.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid metric or label name: '" + name + "'");
        }
    }
}
