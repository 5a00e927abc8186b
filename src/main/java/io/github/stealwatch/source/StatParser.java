package io.github.stealwatch.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of one read of /proc/stat into a {@link Sample}. A pure function of its input:
 * it never reads a file or a clock, and never falls back to 0 on bad input, because a garbled read
 * that looks like a counter reset is the worst way for a watchdog to fail.
 */
public final class StatParser {

    private static final byte[] CPU = "cpu".getBytes(StandardCharsets.US_ASCII);

    /** The largest u64 divided by ten, and the last digit it allows: the overflow check's bounds. */
    private static final long U64_MAX_DIV_10 = Long.divideUnsigned(-1L, 10);
    private static final long U64_MAX_LAST_DIGIT = Long.remainderUnsigned(-1L, 10);

    private StatParser() {
    }

    /**
     * Parses the cpu block at the top of /proc/stat and stops at the first line after it (the
     * {@code intr} line that follows can be very long on large hosts).
     */
    public static Sample parse(byte[] data, int length, long monotonicNanos) throws StatFormatException {
        CpuLine aggregate = null;
        List<CpuLine> cpus = new ArrayList<>();
        int lineStart = 0;
        int lineNumber = 1;
        while (lineStart < length && startsWithCpu(data, lineStart, length)) {
            int lineEnd = indexOf(data, (byte) '\n', lineStart, length);
            if (lineEnd < 0) {
                throw new StatFormatException("truncated cpu line (no end of line)", lineNumber,
                        text(data, lineStart, length));
            }
            CpuLine line = parseCpuLine(data, lineStart, lineEnd, lineNumber);
            if (aggregate == null) {
                if (!line.isAggregate()) {
                    throw new StatFormatException("the aggregate cpu line must come first", lineNumber,
                            text(data, lineStart, lineEnd));
                }
                aggregate = line;
            } else if (line.isAggregate()) {
                throw new StatFormatException("a second aggregate cpu line", lineNumber,
                        text(data, lineStart, lineEnd));
            } else {
                requireAscending(cpus, line, lineNumber, text(data, lineStart, lineEnd));
                cpus.add(line);
            }
            lineStart = lineEnd + 1;
            lineNumber++;
        }
        if (aggregate == null) {
            if (length == 0) {
                throw new StatFormatException("empty input: no cpu line");
            }
            throw new StatFormatException("no cpu line at the top: this is not /proc/stat", 1,
                    text(data, 0, indexOfOrEnd(data, length)));
        }
        return new Sample(monotonicNanos, aggregate, cpus);
    }

    /**
     * Parses one cpu line, {@code cpu  1 2 3 ...} or {@code cpu7 1 2 3 ...}, from
     * {@code data[from, to)}; {@code lineNumber} only labels errors.
     */
    public static CpuLine parseCpuLine(byte[] data, int from, int to, int lineNumber)
            throws StatFormatException {
        if (!startsWithCpu(data, from, to)) {
            throw new StatFormatException("not a cpu line", lineNumber, text(data, from, to));
        }
        int nameEnd = from + CPU.length;
        while (nameEnd < to && isDigit(data[nameEnd])) {
            nameEnd++;
        }
        if (nameEnd == to || data[nameEnd] != ' ') {
            throw new StatFormatException("bad cpu name", lineNumber, text(data, from, to));
        }
        int cpu = nameEnd == from + CPU.length ? CpuLine.AGGREGATE : cpuNumber(data, from + CPU.length, nameEnd,
                lineNumber, text(data, from, to));

        long[] counters = new long[Column.values().length];
        int count = 0;
        int pos = nameEnd;
        while (pos < to) {
            if (data[pos] == ' ') {
                pos++;
                continue;
            }
            int numberEnd = pos;
            long value = 0;
            while (numberEnd < to && data[numberEnd] != ' ') {
                byte b = data[numberEnd];
                if (!isDigit(b)) {
                    throw new StatFormatException("counter " + (count + 1) + " is not a number",
                            lineNumber, text(data, from, to));
                }
                int digit = b - '0';
                if (Long.compareUnsigned(value, U64_MAX_DIV_10) > 0
                        || (value == U64_MAX_DIV_10 && digit > U64_MAX_LAST_DIGIT)) {
                    throw new StatFormatException("counter " + (count + 1) + " is larger than 2^64-1",
                            lineNumber, text(data, from, to));
                }
                value = value * 10 + digit;
                numberEnd++;
            }
            if (count == counters.length) {
                // A future kernel may add columns; keep them so a recorded trace stays faithful.
                counters = java.util.Arrays.copyOf(counters, count * 2);
            }
            counters[count++] = value;
            pos = numberEnd;
        }
        if (count < Column.MIN_COLUMNS) {
            throw new StatFormatException("only " + count + " counters, but steal is counter "
                    + Column.MIN_COLUMNS + ": this kernel does not report steal time", lineNumber,
                    text(data, from, to));
        }
        String name = new String(data, from, nameEnd - from, StandardCharsets.US_ASCII);
        return new CpuLine(name, cpu, java.util.Arrays.copyOf(counters, count));
    }

    private static int cpuNumber(byte[] data, int from, int to, int lineNumber, String line)
            throws StatFormatException {
        if (to - from > 9) {
            throw new StatFormatException("cpu number out of range", lineNumber, line);
        }
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + (data[i] - '0');
        }
        return number;
    }

    private static void requireAscending(List<CpuLine> cpus, CpuLine line, int lineNumber, String text)
            throws StatFormatException {
        // The kernel prints online CPUs in ascending order, with gaps where CPUs are offline.
        if (!cpus.isEmpty() && cpus.get(cpus.size() - 1).cpu() >= line.cpu()) {
            throw new StatFormatException("cpu lines out of order or repeated", lineNumber, text);
        }
    }

    private static boolean startsWithCpu(byte[] data, int from, int to) {
        if (to - from < CPU.length) {
            return false;
        }
        for (int i = 0; i < CPU.length; i++) {
            if (data[from + i] != CPU[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int indexOf(byte[] data, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfOrEnd(byte[] data, int length) {
        int newline = indexOf(data, (byte) '\n', 0, length);
        return newline < 0 ? length : newline;
    }

    private static String text(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.US_ASCII);
    }
}
