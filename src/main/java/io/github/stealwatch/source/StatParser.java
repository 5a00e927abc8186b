package io.github.stealwatch.source;

import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of one read of /proc/stat into a {@link StatSnapshot} or a {@link Sample}. A pure
 * function of its input: it never reads a file or a clock, and never falls back to 0 on bad input,
 * because a garbled read that looks like a counter reset is the worst way for a watchdog to fail.
 * Each byte of the cpu block is looked at once, and nothing is allocated unless the input is bad.
 * (Converting eight digits at a time with SWAR tricks was tried: no faster here than this loop
 * over single bytes, which is far easier to read.)
 */
public final class StatParser {

    private static final byte[] CPU = "cpu".getBytes(StandardCharsets.US_ASCII);

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
     * Parses the cpu block at the top of {@code data[0, length)} into {@code into} and stops at the
     * first line after it (the {@code intr} line that follows can be very long on large hosts).
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
            int lineEnd = parseLineInto(data, lineStart, length, lineNumber, into);
            if (lineEnd == length) {
                if (!endOfInput) {
                    return false;
                }
                throw new StatFormatException("truncated cpu line (no end of line)", lineNumber,
                        text(data, lineStart, length));
            }
            lineStart = lineEnd + 1;
            lineNumber++;
        }
        if (into.lineCount() == 0) {
            if (length == 0) {
                throw new StatFormatException("empty input: no cpu line");
            }
            throw new StatFormatException("no cpu line at the top: this is not /proc/stat", 1,
                    text(data, 0, lineEnd(data, 0, length)));
        }
        return true;
    }

    /**
     * Parses one whole cpu line, {@code cpu  1 2 3 ...} or {@code cpu7 1 2 3 ...}, from
     * {@code data[from, to)}; {@code lineNumber} only labels errors.
     */
    public static CpuLine parseCpuLine(byte[] data, int from, int to, int lineNumber)
            throws StatFormatException {
        if (!startsWithCpu(data, from, to)) {
            throw new StatFormatException("not a cpu line", lineNumber, text(data, from, to));
        }
        int cpu = cpuNumber(data, from, to, lineNumber);
        if (cpu == CUT_IN_NAME) {
            throw new StatFormatException("bad cpu name", lineNumber, text(data, from, to));
        }
        StatSnapshot one = new StatSnapshot();
        one.begin(0);
        if (parseCounters(data, from, to, lineNumber, one, one.addLine(cpu)) < to) {
            throw new StatFormatException("an end of line inside a cpu line", lineNumber, text(data, from, to));
        }
        requireSteal(one.columnCount(0), lineNumber, data, from, to);
        return one.lineAt(0);
    }

    /**
     * The most cpuN lines read: twice the most an x86-64 kernel is built for (8,192,
     * NR_CPUS_RANGE_END in arch/x86/Kconfig). Room for a larger kernel, not for a file of endless
     * cpu lines, whose counters would fill the heap before its text reached any bound.
     */
    static final int MAX_CPUS = 16_384;

    /** What {@link #cpuNumber} returns when the input stops inside the name: more must be read. */
    private static final int CUT_IN_NAME = Integer.MIN_VALUE;

    /**
     * Parses a line that starts with "cpu" at {@code from} and checks its place in the block.
     *
     * @return the index of its end of line, or {@code length} if the input stops first
     */
    private static int parseLineInto(byte[] data, int from, int length, int lineNumber, StatSnapshot into)
            throws StatFormatException {
        int cpu = cpuNumber(data, from, length, lineNumber);
        if (cpu == CUT_IN_NAME) {
            return length;
        }
        if (into.lineCount() == 0 && cpu != CpuLine.AGGREGATE) {
            throw new StatFormatException("the aggregate cpu line must come first", lineNumber,
                    lineText(data, from, length));
        }
        if (into.lineCount() > 0 && cpu == CpuLine.AGGREGATE) {
            throw new StatFormatException("a second aggregate cpu line", lineNumber, lineText(data, from, length));
        }
        // The kernel prints online CPUs in ascending order, with gaps where CPUs are offline.
        if (into.lineCount() > 1 && cpu <= into.lastCpuNumber()) {
            throw new StatFormatException("cpu lines out of order or repeated", lineNumber,
                    lineText(data, from, length));
        }
        if (into.lineCount() > MAX_CPUS) {
            throw new StatFormatException("more than " + MAX_CPUS + " cpu lines: this is not /proc/stat", lineNumber,
                    lineText(data, from, length));
        }
        int line = into.addLine(cpu);
        int end = parseCounters(data, from, length, lineNumber, into, line);
        if (end < length) {
            requireSteal(into.columnCount(line), lineNumber, data, from, length);
        }
        return end;
    }

    /**
     * The N of {@code cpuN}, {@link CpuLine#AGGREGATE} for the bare {@code cpu} of the aggregate
     * line, or {@link #CUT_IN_NAME} if {@code to} comes before the name's end.
     */
    private static int cpuNumber(byte[] data, int from, int to, int lineNumber) throws StatFormatException {
        int digitsFrom = from + CPU.length;
        int nameEnd = digitsFrom;
        while (nameEnd < to && isDigit(data[nameEnd])) {
            nameEnd++;
        }
        if (nameEnd == to) {
            return CUT_IN_NAME;
        }
        int digits = nameEnd - digitsFrom;
        // The kernel prints "cpu%d": no leading zero, and a number that fits an int.
        if (data[nameEnd] != ' ' || digits > 9 || (digits > 1 && data[digitsFrom] == '0')) {
            throw new StatFormatException("bad cpu name", lineNumber, lineText(data, from, to));
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

    /**
     * Parses the counters after the name of the line at {@code from} into {@code line}, the last
     * line added to {@code into}, up to its end of line or {@code to}, whichever comes first.
     *
     * @return where it stopped: the end of line, or {@code to}
     */
    private static int parseCounters(byte[] data, int from, int to, int lineNumber, StatSnapshot into, int line)
            throws StatFormatException {
        int pos = from + CPU.length;
        while (data[pos] != ' ') {
            pos++; // the name's digits, checked by cpuNumber
        }
        while (pos < to && data[pos] == ' ') {
            pos++; // one space after a cpuN, two after the aggregate's "cpu"
        }
        // The count stays in a local rather than in the snapshot: a store and a load less per counter.
        int column = 0;
        while (pos < to && data[pos] != '\n') {
            int start = pos;
            long value = 0;
            int digit;
            while (pos < to && (digit = data[pos] - '0') >= 0 && digit <= 9) {
                value = value * 10 + digit;
                pos++;
            }
            if (pos == start || (pos < to && data[pos] != ' ' && data[pos] != '\n')) {
                throw new StatFormatException("counter " + (column + 1) + " is not a number", lineNumber,
                        lineText(data, from, to));
            }
            if (pos - start > UnsignedCounter.ALWAYS_FITTING_DIGITS) {
                // Only the rare long counter makes the line's text: it labels an overflow.
                value = UnsignedCounter.parse(data, start, pos, column + 1, lineNumber, lineText(data, from, to));
            }
            into.setCounter(line, column++, value);
            while (pos < to && data[pos] == ' ') {
                pos++;
            }
        }
        into.setColumnCount(line, column);
        return pos;
    }

    private static void requireSteal(int counters, int lineNumber, byte[] data, int from, int to)
            throws StatFormatException {
        if (counters < Column.MIN_COLUMNS) {
            throw new StatFormatException("only " + counters + " counters, but steal is counter "
                    + Column.MIN_COLUMNS + ": this kernel does not report steal time", lineNumber,
                    lineText(data, from, to));
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

    /** The index of the end of the line at {@code from}, or {@code to} if it has none before it. */
    private static int lineEnd(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == '\n') {
                return i;
            }
        }
        return to;
    }

    /** The line at {@code from}, for an error message. */
    private static String lineText(byte[] data, int from, int to) {
        return text(data, from, lineEnd(data, from, to));
    }

    private static String text(byte[] data, int from, int to) {
        return new String(data, from, to - from, StandardCharsets.US_ASCII);
    }
}
