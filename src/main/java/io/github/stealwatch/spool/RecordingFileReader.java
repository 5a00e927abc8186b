package io.github.stealwatch.spool;

import static io.github.stealwatch.spool.RecordingFileFormat.AUTO;
import static io.github.stealwatch.spool.RecordingFileFormat.COMPLETE;
import static io.github.stealwatch.spool.RecordingFileFormat.END;
import static io.github.stealwatch.spool.RecordingFileFormat.FACTS;
import static io.github.stealwatch.spool.RecordingFileFormat.JUMPED;
import static io.github.stealwatch.spool.RecordingFileFormat.LINE_BOUND;
import static io.github.stealwatch.spool.RecordingFileFormat.SAMPLE;
import static io.github.stealwatch.spool.RecordingFileFormat.TICKS;
import static io.github.stealwatch.spool.RecordingFileFormat.WENT_BACK;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.disk.LineReader;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Fact;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.MachineFacts;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.source.StatParser;
import io.github.stealwatch.trace.LeadUp;
import io.github.stealwatch.trace.Recording;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a spooled recording ({@link RecordingFileFormat}) back, for the flush to report it. Every
 * line is checked, and one that is not what the format says is an error naming its number; only
 * the file's last line may be torn (a write that failed), and then the rows before it stand.
 */
final class RecordingFileReader {

    private RecordingFileReader() {
    }

    /**
     * Reads a recording file, its first line already read by the caller.
     *
     * @throws IllegalArgumentException naming the line that is not what this format says
     */
    static SpooledRecording read(LineReader in) throws IOException {
        Map<String, String> headers = new HashMap<>();
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw garbled(in, "not a header line", line);
            }
            headers.put(line.substring(0, colon), unescape(line.substring(colon + 2)));
        }
        List<Sample> rows = new ArrayList<>();
        List<List<Anomaly>> anomalies = new ArrayList<>();
        String end = null;
        List<CpuLine> lines = new ArrayList<>();
        long nanos = 0;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(SAMPLE) || line.startsWith(END)) {
                addRow(rows, anomalies, nanos, lines);
                lines = new ArrayList<>();
                if (line.startsWith(END)) {
                    end = line.substring(END.length());
                    break;
                }
                nanos = number(line.substring(SAMPLE.length()), in, line);
                anomalies.add(new ArrayList<>());
                continue;
            }
            try {
                if (line.startsWith("cpu")) {
                    lines.add(cpuLine(line, in));
                } else if (!anomalies.isEmpty()) {
                    anomalies.get(anomalies.size() - 1).add(anomaly(line, in));
                } else {
                    throw garbled(in, "expected a sample", line);
                }
            } catch (IllegalArgumentException e) {
                if (in.readLine() != null) {
                    throw e;
                }
                // The file's last line, torn by a write that failed: the rows before it stand.
                lines.clear();
                break;
            }
        }
        if (end == null) {
            addRow(rows, anomalies, nanos, lines); // the watch stopped writing: a row is whole or left out
        }
        if (rows.size() < 2) {
            throw new IllegalArgumentException("a recording needs the row before the trigger and the trigger, "
                    + "it has " + rows.size());
        }
        Recording recording = new Recording(rows, anomalies, COMPLETE.equals(end) || LINE_BOUND.equals(end),
                number(required(headers, "Suppressed"), in, "Suppressed"), leadUp(headers, in), LINE_BOUND.equals(end));
        try {
            return new SpooledRecording(new Envelope(required(headers, "From"), required(headers, "To")),
                    Instant.parse(required(headers, "Spooled")), hostFacts(headers), required(headers, "Source"),
                    recording);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Spooled is not a time: " + e.getParsedString(), e);
        }
    }

    /** A row is added once its cpu lines are all read; one that lost its aggregate line is left out. */
    private static void addRow(List<Sample> rows, List<List<Anomaly>> anomalies, long nanos, List<CpuLine> lines) {
        if (anomalies.size() == rows.size()) {
            return; // no sample line yet
        }
        if (lines.isEmpty() || !lines.get(0).isAggregate()) {
            anomalies.remove(anomalies.size() - 1);
            return;
        }
        rows.add(new Sample(nanos, lines.get(0), lines.subList(1, lines.size())));
    }

    private static Anomaly anomaly(String line, LineReader in) {
        String[] words = line.split(" ");
        try {
            if (words[0].equals(WENT_BACK) && words.length == 4) {
                return new StealWentBack(words[1], Long.parseUnsignedLong(words[2]), Long.parseUnsignedLong(words[3]));
            }
            if (words[0].equals(JUMPED) && words.length == 9) {
                long boundValue = Long.parseLong(words[8]);
                MaxDelta bound = switch (words[7]) {
                    case AUTO -> new MaxDelta.Auto(boundValue);
                    case TICKS -> new MaxDelta.Ticks(boundValue);
                    default -> throw garbled(in, "no such bound", line);
                };
                return new StealJumped(words[1], Long.parseUnsignedLong(words[2]), Long.parseUnsignedLong(words[3]),
                        Long.parseLong(words[4]), Integer.parseInt(words[5]), Long.parseLong(words[6]), bound);
            }
        } catch (IllegalArgumentException e) { // NumberFormatException, or a bound out of range
            throw garbled(in, e.getMessage(), line);
        }
        throw garbled(in, "not a cpu line nor an anomaly", line);
    }

    private static CpuLine cpuLine(String line, LineReader in) {
        byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
        try {
            return StatParser.parseCpuLine(bytes, 0, bytes.length, in.lineNumber());
        } catch (StatFormatException e) {
            throw garbled(in, e.getMessage(), line);
        }
    }

    private static LeadUp leadUp(Map<String, String> headers, LineReader in) {
        String stall = headers.get("Stall");
        String online = headers.get("CPU-Online");
        LeadUp.Stall gap = null;
        LeadUp.CpuOnline cpu = null;
        if (stall != null) {
            String[] words = stall.split(" ");
            if (words.length != 3) {
                throw garbled(in, "Stall needs three numbers", stall);
            }
            gap = new LeadUp.Stall(number(words[0], in, stall), number(words[1], in, stall), number(words[2], in, stall));
        }
        if (online != null) {
            String[] words = online.split(" ");
            if (words.length != 2) {
                throw garbled(in, "CPU-Online needs a line and a number", online);
            }
            cpu = new LeadUp.CpuOnline(words[0], number(words[1], in, online));
        }
        return new LeadUp(gap, cpu, number(required(headers, "Watched"), in, "Watched"));
    }

    private static HostFacts hostFacts(Map<String, String> headers) {
        List<Fact> facts = new ArrayList<>();
        for (String name : FACTS) {
            facts.add(new Fact(required(headers, name), required(headers, name + "-From")));
        }
        return new HostFacts(required(headers, "Host"), required(headers, "Kernel"), required(headers, "Kernel-From"),
                new MachineFacts(facts.get(0), facts.get(1), facts.get(2), facts.get(3), facts.get(4), facts.get(5),
                        facts.get(6)));
    }

    private static long number(String text, LineReader in, String line) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw garbled(in, "not a number: " + text, line);
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name + " header");
        }
        return value;
    }

    private static IllegalArgumentException garbled(LineReader in, String why, String line) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "..." : line;
        return new IllegalArgumentException("line " + in.lineNumber() + ": " + why + ": '" + shown + "'");
    }

    private static String unescape(String value) {
        StringBuilder text = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                text.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
