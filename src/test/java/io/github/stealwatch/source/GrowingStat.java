package io.github.stealwatch.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * A fixture stat file that moves on one step at a time, as the kernel's would: each step adds
 * ticks to every CPU's idle and steal counters (and their sums to the aggregate line), then
 * installs the new file in a proc root. A test can also make a CPU's steal misbehave.
 */
public final class GrowingStat {

    private static final int IDLE = Column.IDLE.ordinal() + 1;
    private static final int STEAL = Column.STEAL.ordinal() + 1;

    private final Path procRoot;
    private final String[] lines;

    public GrowingStat(Path procRoot, String fixture) throws IOException {
        this.procRoot = procRoot;
        this.lines = ProcRoots.fixture(fixture).split("\n", -1);
        install();
    }

    /** Each CPU spends {@code ticksPerCpu}, {@code stealPerCpu} of them stolen and the rest idle. */
    public void step(long ticksPerCpu, long stealPerCpu) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("cpu")) {
                long cpus = lines[i].startsWith("cpu ") ? cpuCount() : 1;
                add(i, IDLE, (ticksPerCpu - stealPerCpu) * cpus);
                add(i, STEAL, stealPerCpu * cpus);
            }
        }
        install();
    }

    /** Changes the steal counter of the line named {@code name} ("cpu", "cpu0"), without touching the others. */
    public void changeSteal(String name, LongUnaryOperator change) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(name + " ")) {
                String[] fields = lines[i].split(" +");
                long steal = Long.parseUnsignedLong(fields[STEAL]);
                add(i, STEAL, change.applyAsLong(steal) - steal);
            }
        }
        install();
    }

    private long cpuCount() {
        long count = 0;
        for (String line : lines) {
            if (line.matches("cpu\\d+ .*")) {
                count++;
            }
        }
        return count;
    }

    private void add(int line, int field, long ticks) {
        String[] fields = lines[line].split(" +");
        fields[field] = Long.toUnsignedString(Long.parseUnsignedLong(fields[field]) + ticks);
        // The kernel prints two spaces after the aggregate's name, one after a CPU's.
        String separator = fields[0].equals("cpu") ? "  " : " ";
        lines[line] = fields[0] + separator + String.join(" ", Arrays.copyOfRange(fields, 1, fields.length));
    }

    private void install() {
        try {
            ProcRoots.install(procRoot, String.join("\n", lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
