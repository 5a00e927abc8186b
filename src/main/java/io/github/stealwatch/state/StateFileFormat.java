package io.github.stealwatch.state;

import io.github.stealwatch.metrics.Counts;
import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.source.StatParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The state file's text: a version line, {@code key=value} lines, then the cpu lines exactly as
 * /proc/stat prints them, so the same parser reads them back and a person can diff them. Version 1
 * had no counts; it is still read, with every count at 0.
 */
final class StateFileFormat {

    static final String FIRST_LINE = "# stealwatch audit state v2";
    static final String FIRST_LINE_V1 = "# stealwatch audit state v1";
    private static final String BOOT_ID = "boot_id";
    private static final String UPTIME_NANOS = "uptime_ns";
    private static final String SAVED_AT = "saved_at";
    private static final String LAST_ANOMALY = "last_anomaly_seconds";
    /** The counts, by key, in the order they are written. */
    private static final Map<String, ToLongFunction<Counts>> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("samples_total", Counts::samples);
        COUNTS.put("read_errors_total", Counts::readErrors);
        COUNTS.put("stalls_total", Counts::stalls);
        COUNTS.put("went_back_total", Counts::wentBack);
        COUNTS.put("jumped_total", Counts::jumped);
        COUNTS.put("reports_sent_total", Counts::sent);
        COUNTS.put("reports_spooled_total", Counts::spooled);
        COUNTS.put("reports_printed_total", Counts::printed);
        COUNTS.put("reports_dropped_total", Counts::dropped);
    }

    /** The last line: a file without it was cut short, however well its cpu lines parse. */
    static final String LAST_LINE = "# end";

    private StateFileFormat() {
    }

    static String write(AuditState state) {
        StringBuilder text = new StringBuilder(FIRST_LINE).append('\n');
        field(text, BOOT_ID, state.bootId());
        field(text, UPTIME_NANOS, state.uptimeNanos());
        field(text, SAVED_AT, state.savedAt());
        COUNTS.forEach((key, count) -> field(text, key, count.applyAsLong(state.counts())));
        field(text, LAST_ANOMALY, state.lastAnomalySeconds());
        text.append(state.sample().aggregate().toProcStatText()).append('\n');
        for (CpuLine cpu : state.sample().cpus()) {
            text.append(cpu.toProcStatText()).append('\n');
        }
        return text.append(LAST_LINE).append('\n').toString();
    }

    /** @throws IllegalArgumentException saying what is wrong */
    static AuditState read(String text) {
        String firstLine = text.substring(0, Math.max(0, text.indexOf('\n')));
        if (!firstLine.equals(FIRST_LINE) && !firstLine.equals(FIRST_LINE_V1)) {
            throw new IllegalArgumentException("does not start with '" + FIRST_LINE + "'");
        }
        if (!text.endsWith("\n" + LAST_LINE + "\n")) {
            throw new IllegalArgumentException("cut short: no '" + LAST_LINE + "' line at the end");
        }
        int cpuBlockStart = text.indexOf("\ncpu");
        if (cpuBlockStart < 0) {
            throw new IllegalArgumentException("no cpu lines");
        }
        Map<String, String> fields = fields(text.substring(firstLine.length() + 1, cpuBlockStart + 1));
        try {
            long uptimeNanos = Long.parseLong(required(fields, UPTIME_NANOS));
            Instant savedAt = Instant.parse(required(fields, SAVED_AT));
            Counts counts = new Counts(count(fields, "samples_total"), count(fields, "read_errors_total"),
                    count(fields, "stalls_total"), count(fields, "went_back_total"), count(fields, "jumped_total"),
                    count(fields, "reports_sent_total"), count(fields, "reports_spooled_total"),
                    count(fields, "reports_printed_total"), count(fields, "reports_dropped_total"));
            double lastAnomaly = Double.parseDouble(fields.getOrDefault(LAST_ANOMALY, "0"));
            byte[] cpuBlock = text.substring(cpuBlockStart + 1, text.length() - LAST_LINE.length() - 1)
                    .getBytes(StandardCharsets.US_ASCII);
            Sample sample = StatParser.parse(cpuBlock, cpuBlock.length, uptimeNanos);
            return new AuditState(required(fields, BOOT_ID), savedAt, sample, counts, lastAnomaly);
        } catch (NumberFormatException | DateTimeParseException | StatFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The {@code key=value} lines; a key this format does not know means it is not ours. */
    private static Map<String, String> fields(String block) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : block.split("\n")) {
            int equals = line.indexOf('=');
            String key = equals < 0 ? line : line.substring(0, equals);
            if (equals < 0 || !isKnown(key) || fields.put(key, line.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("unexpected line '" + line + "'");
            }
        }
        return fields;
    }

    private static boolean isKnown(String key) {
        return key.equals(BOOT_ID) || key.equals(UPTIME_NANOS) || key.equals(SAVED_AT) || key.equals(LAST_ANOMALY)
                || COUNTS.containsKey(key);
    }

    private static String required(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key + "= line");
        }
        return value;
    }

    /** A count, 0 in a version 1 file, which had none; never negative. */
    private static long count(Map<String, String> fields, String key) {
        long value = Long.parseLong(fields.getOrDefault(key, "0"));
        if (value < 0) {
            throw new IllegalArgumentException(key + " is negative: " + value);
        }
        return value;
    }

    private static void field(StringBuilder text, String key, Object value) {
        text.append(key).append('=').append(value).append('\n');
    }
}
