package io.github.stealwatch.source;

import java.nio.charset.StandardCharsets;

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
     * Parses the cpu block at the top of /proc/stat into a new {@link Sample}; the input must be
     * whole (a file read to its end, a state file's block).
     */
    public static Sample parse(byte[] data, int length, long monotonicNanos) throws StatFormatException {
        StatSnapshot snapshot = new StatSnapshot();
        parseInto(data, length, true, monotonicNanos, snapshot);
        return snapshot.toSample();
    }

    /**
     * Parses the cpu block at the top of {@code data[0, length)} into {@code into}, allocating
     * nothing unless the input is bad, and stops at the first line after the block (the {@code intr}
     * line that follows can be very long on large hosts).
     *
     * @param endOfInput whether {@code data} holds the whole file; if not, input that ends inside the
     *                   cpu block (or where another cpu line could still follow) is not an error
     * @return false if the input ended before the cpu block did and more of it must be read
     */
    public static boolean parseInto(byte[] data, int length, boolean endOfInput, long monotonicNanos,
                                    StatSnapshot into) throws StatFormatException {
        into.begin(monotonicNanos);
        int lineStart = 0;
        int lineNumber = 1;
        while (true) {
            if (length - lineStart < CPU.length) {
                if (!endOfInput && couldStartCpuLine(data, lineStart, length)) {
                    return false;
                }
                break;
            }
            if (!startsWithCpu(data, lineStart, length)) {
                break;
            }
            int lineEnd = indexOf(data, (byte) '\n', lineStart, length);
            if (lineEnd < 0) {
                if (!endOfInput) {
                    return false;
                }
                throw new StatFormatException("truncated cpu line (no end of line)", lineNumber,
                        text(data, lineStart, length));
            }
            parseLineInto(data, lineStart, lineEnd, lineNumber, into);
            lineStart = lineEnd + 1;
            lineNumber++;
        }
        if (into.lineCount() == 0) {
            if (length == 0) {
                throw new StatFormatException("empty input: no cpu line");
            }
            throw new StatFormatException("no cpu line at the top: this is not /proc/stat", 1,
                    text(data, 0, indexOfOrEnd(data, length)));
        }
        return true;
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
        StatSnapshot one = new StatSnapshot();
        one.begin(0);
        parseCounters(data, from, to, lineNumber, one, one.addLine(cpuNumber(data, from, to, lineNumber)));
        return one.lineAt(0);
    }

    /** Parses a line known to start with "cpu" and checks its place in the block. */
    private static void parseLineInto(byte[] data, int from, int to, int lineNumber, StatSnapshot into)
            throws StatFormatException {
        int cpu = cpuNumber(data, from, to, lineNumber);
        if (into.lineCount() == 0 && cpu != CpuLine.AGGREGATE) {
            throw new StatFormatException("the aggregate cpu line must come first", lineNumber,
                    text(data, from, to));
        }
        if (into.lineCount() > 0 && cpu == CpuLine.AGGREGATE) {
            throw new StatFormatException("a second aggregate cpu line", lineNumber, text(data, from, to));
        }
        // The kernel prints online CPUs in ascending order, with gaps where CPUs are offline.
        if (into.lineCount() > 1 && cpu <= into.lastCpuNumber()) {
            throw new StatFormatException("cpu lines out of order or repeated", lineNumber, text(data, from, to));
        }
        parseCounters(data, from, to, lineNumber, into, into.addLine(cpu));
    }

    /** The N of {@code cpuN}, or {@link CpuLine#AGGREGATE} for the bare {@code cpu} of the aggregate line. */
    private static int cpuNumber(byte[] data, int from, int to, int lineNumber) throws StatFormatException {
        int digitsFrom = from + CPU.length;
        int nameEnd = digitsFrom;
        while (nameEnd < to && isDigit(data[nameEnd])) {
            nameEnd++;
        }
        int digits = nameEnd - digitsFrom;
        // The kernel prints "cpu%d": no leading zero, and a number that fits an int.
        if (nameEnd == to || data[nameEnd] != ' ' || digits > 9 || (digits > 1 && data[digitsFrom] == '0')) {
            throw new StatFormatException("bad cpu name", lineNumber, text(data, from, to));
        }
        if (digits == 0) {
            return CpuLine.AGGREGATE;
        }
        int number = 0;
        for (int i = digitsFrom; i < nameEnd; i++) {
            number = number * 10 + (data[i] - '0');
        }
        return number;
    }

    /** Parses the counters after the name into {@code line}, the last line added to {@code into}. */
    private static void parseCounters(byte[] data, int from, int to, int lineNumber, StatSnapshot into, int line)
            throws StatFormatException {
        int pos = from + CPU.length;
        while (pos < to && data[pos] != ' ') {
            pos++;
        }
        while (pos < to) {
            if (data[pos] == ' ') {
                pos++;
                continue;
            }
            long value = 0;
            for (; pos < to && data[pos] != ' '; pos++) {
                byte b = data[pos];
                if (!isDigit(b)) {
                    throw new StatFormatException("counter " + (into.columnCount(line) + 1) + " is not a number",
                            lineNumber, text(data, from, to));
                }
                int digit = b - '0';
                if (Long.compareUnsigned(value, U64_MAX_DIV_10) > 0
                        || (value == U64_MAX_DIV_10 && digit > U64_MAX_LAST_DIGIT)) {
                    throw new StatFormatException("counter " + (into.columnCount(line) + 1)
                            + " is larger than 2^64-1", lineNumber, text(data, from, to));
                }
                value = value * 10 + digit;
            }
            into.addCounter(line, value);
        }
        if (into.columnCount(line) < Column.MIN_COLUMNS) {
            throw new StatFormatException("only " + into.columnCount(line) + " counters, but steal is counter "
                    + Column.MIN_COLUMNS + ": this kernel does not report steal time", lineNumber,
                    text(data, from, to));
        }
    }

    /** Whether the few bytes left could be the start of "cpu": then only more input can tell. */
    private static boolean couldStartCpuLine(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] != CPU[i - from]) {
                return false;
            }
        }
        return true;
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
