package io.github.stealwatch.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cpu block of one read of /proc/stat, kept in primitive arrays that the next read overwrites,
 * so that polling ten times a second allocates nothing. Line 0 is the aggregate {@code cpu} line,
 * lines 1 and up are the {@code cpuN} lines. A {@link Sample} is its immutable copy, made only for
 * a sample that is kept (a report's table, a trace, the audit's state).
 */
public final class StatSnapshot {

    private long monotonicNanos;
    private int lineCount;
    private int[] cpuNumbers = new int[0];
    private int[] columnCounts = new int[0];
    /** Counters of line {@code l}, column {@code c} at {@code l * stride + c}. */
    private long[] counters = new long[0];
    private int stride = Column.values().length;

    public static StatSnapshot of(Sample sample) {
        StatSnapshot snapshot = new StatSnapshot();
        snapshot.set(sample);
        return snapshot;
    }

    public long monotonicNanos() {
        return monotonicNanos;
    }

    /** How many {@code cpuN} lines the read had: the CPUs online at that moment. */
    public int cpuCount() {
        return lineCount - 1;
    }

    /** N of the {@code index}-th cpuN line, in the kernel's (ascending) order. */
    public int cpuNumber(int index) {
        return cpuNumbers[index + 1];
    }

    public long cpuSteal(int index) {
        return counters[(index + 1) * stride + Column.STEAL.ordinal()];
    }

    public long aggregateSteal() {
        return counters[Column.STEAL.ordinal()];
    }

    /** All the time the CPUs spent, in ticks, on the aggregate line: see {@link CpuLine#totalTicks()}. */
    public long aggregateTotal() {
        return Column.total(counters, 0);
    }

    /** Overwrites this snapshot with a copy of {@code sample}. */
    public void set(Sample sample) {
        begin(sample.monotonicNanos());
        setLine(sample.aggregate());
        for (int i = 0; i < sample.cpus().size(); i++) {
            setLine(sample.cpus().get(i));
        }
    }

    /** An immutable copy, for a sample that outlives the next read. */
    public Sample toSample() {
        List<CpuLine> cpus = new ArrayList<>(cpuCount());
        for (int line = 1; line < lineCount; line++) {
            cpus.add(lineAt(line));
        }
        return new Sample(monotonicNanos, lineAt(0), cpus);
    }

    /** Starts overwriting: no line is kept from the last read. */
    void begin(long readAtNanos) {
        monotonicNanos = readAtNanos;
        lineCount = 0;
    }

    /** Adds a line with no counters yet and returns its index. */
    int addLine(int cpu) {
        if (lineCount == cpuNumbers.length) {
            int capacity = Math.max(4, lineCount * 2);
            cpuNumbers = Arrays.copyOf(cpuNumbers, capacity);
            columnCounts = Arrays.copyOf(columnCounts, capacity);
            counters = Arrays.copyOf(counters, capacity * stride);
        }
        cpuNumbers[lineCount] = cpu;
        columnCounts[lineCount] = 0;
        return lineCount++;
    }

    /** Sets counter {@code column} of {@code line}, which must be the last line added. */
    void setCounter(int line, int column, long value) {
        if (column >= stride) {
            widen();
        }
        counters[line * stride + column] = value;
    }

    /** Sets how many counters {@code line} has, once they are all set. */
    void setColumnCount(int line, int columns) {
        columnCounts[line] = columns;
    }

    int columnCount(int line) {
        return columnCounts[line];
    }

    /** The cpu number of the last line added, or {@link CpuLine#AGGREGATE} if none. */
    int lastCpuNumber() {
        return lineCount == 0 ? CpuLine.AGGREGATE : cpuNumbers[lineCount - 1];
    }

    int lineCount() {
        return lineCount;
    }

    private void setLine(CpuLine cpuLine) {
        int line = addLine(cpuLine.cpu());
        long[] values = cpuLine.counters();
        for (int column = 0; column < values.length; column++) {
            setCounter(line, column, values[column]);
        }
        setColumnCount(line, values.length);
    }

    CpuLine lineAt(int line) {
        int cpu = cpuNumbers[line];
        long[] values = Arrays.copyOfRange(counters, line * stride, line * stride + columnCounts[line]);
        return new CpuLine(cpu == CpuLine.AGGREGATE ? "cpu" : "cpu" + cpu, cpu, values);
    }

    /** A kernel newer than this code printed more columns than ever before: make room, keep them all. */
    private void widen() {
        int wider = stride * 2;
        long[] moved = new long[cpuNumbers.length * wider];
        for (int line = 0; line < lineCount; line++) {
            // The line being parsed has no count yet: move all its room.
            System.arraycopy(counters, line * stride, moved, line * wider, stride);
        }
        counters = moved;
        stride = wider;
    }
}
