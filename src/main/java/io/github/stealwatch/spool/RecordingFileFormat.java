package io.github.stealwatch.spool;

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
 * The spool file of a recording the watch made, from which the flush process writes the report:
 * the watch itself never formats one. Plain text, one fact a line, readable with {@code less}:
 * <pre>
 * stealwatch recording 1
 * From: stealwatch@web-7          (headers: the envelope, when, the host's facts with where each
 * To: root                         was read, the source, what the watch saw before the trigger)
 * ...
 *
 * sample 5123456789               (a row: its monotonic time in ns, then its cpu lines as
 * cpu  4705 0 3457 ...             /proc/stat prints them, then the anomalies it brought)
 * jumped cpu 8 1844670130375 100000000 2 6012 auto 60000000000
 * ...
 * end complete                    (or cut-short, or line-bound)
 * </pre>
 * Rows are appended as they are sampled: a file without its end line comes from a watch that was
 * killed while recording, and is reported as cut short.
 */
final class RecordingFileFormat {

    static final String FIRST_LINE = "stealwatch recording 1";
    /** The first line of a recording file of any version. */
    static final String FIRST_LINE_PREFIX = "stealwatch recording ";

    /** A row of cpu lines is some 130 bytes a line; a header (the boot options) some kilobytes. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private static final String SAMPLE = "sample ";
    private static final String JUMPED = "jumped";
    private static final String WENT_BACK = "went-back";
    private static final String END = "end ";
    private static final String COMPLETE = "complete";
    private static final String CUT_SHORT = "cut-short";
    private static final String LINE_BOUND = "line-bound";
    private static final String AUTO = "auto";
    private static final String TICKS = "ticks";

    /** The machine facts' header names, in {@link MachineFacts}' order. */
    private static final List<String> FACTS = List.of("Hypervisor", "Guest-Type", "DMI", "Clocksource",
            "Clocksources", "Boot-Options", "Arch");

    private RecordingFileFormat() {
    }

    /** The headers and the recording's first two rows. */
    static String start(Envelope envelope, Instant spooledAt, HostFacts host, String source, Recording soFar) {
        StringBuilder text = new StringBuilder(FIRST_LINE).append('\n');
        header(text, "From", envelope.from());
        header(text, "To", envelope.to());
        header(text, "Spooled", spooledAt.toString());
        header(text, "Source", source);
        header(text, "Host", host.hostName());
        header(text, "Kernel", host.kernelRelease());
        header(text, "Kernel-From", host.kernelFrom());
        List<Fact> facts = facts(host.machine());
        for (int i = 0; i < FACTS.size(); i++) {
            header(text, FACTS.get(i), facts.get(i).value());
            header(text, FACTS.get(i) + "-From", facts.get(i).knownFrom());
        }
        header(text, "Suppressed", Long.toString(soFar.suppressedSamples()));
        LeadUp leadUp = soFar.leadUp();
        header(text, "Watched", Long.toString(leadUp.watchedNanos()));
        if (leadUp.stall() != null) {
            header(text, "Stall", leadUp.stall().gapNanos() + " " + leadUp.stall().intervalNanos() + " "
                    + leadUp.stall().agoNanos());
        }
        if (leadUp.cpuOnline() != null) {
            header(text, "CPU-Online", leadUp.cpuOnline().line() + " " + leadUp.cpuOnline().agoNanos());
        }
        text.append('\n');
        for (int i = 0; i < soFar.rows().size(); i++) {
            text.append(row(soFar.rows().get(i), soFar.anomalies().get(i)));
        }
        return text.toString();
    }

    static String row(Sample sample, List<Anomaly> anomalies) {
        StringBuilder text = new StringBuilder(SAMPLE).append(sample.monotonicNanos()).append('\n');
        text.append(sample.aggregate().toProcStatText()).append('\n');
        for (CpuLine cpu : sample.cpus()) {
            text.append(cpu.toProcStatText()).append('\n');
        }
        for (Anomaly anomaly : anomalies) {
            text.append(anomaly(anomaly)).append('\n');
        }
        return text.toString();
    }

    static String end(Recording finished) {
        return END + (finished.atLineBound() ? LINE_BOUND : finished.complete() ? COMPLETE : CUT_SHORT) + "\n";
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

    private static void header(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(escape(value)).append('\n');
    }

    private static String anomaly(Anomaly anomaly) {
        if (anomaly instanceof StealWentBack back) {
            return WENT_BACK + " " + back.line() + " " + Long.toUnsignedString(back.before()) + " "
                    + Long.toUnsignedString(back.after());
        }
        StealJumped jump = (StealJumped) anomaly;
        String bound = jump.bound() instanceof MaxDelta.Auto auto ? AUTO + " " + auto.lumpAllowanceNanos()
                : TICKS + " " + ((MaxDelta.Ticks) jump.bound()).ticks();
        return JUMPED + " " + jump.line() + " " + Long.toUnsignedString(jump.before()) + " "
                + Long.toUnsignedString(jump.after()) + " " + jump.elapsedNanos() + " " + jump.cpus() + " "
                + jump.limit() + " " + bound;
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

    private static List<Fact> facts(MachineFacts machine) {
        return List.of(machine.hypervisor(), machine.guestType(), machine.dmi(), machine.clocksource(),
                machine.clocksources(), machine.bootOptions(), machine.arch());
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

    /** Facts come from files and may hold anything but a line end: a backslash and the line ends are escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
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
