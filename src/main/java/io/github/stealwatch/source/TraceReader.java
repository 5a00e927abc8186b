package io.github.stealwatch.source;

import io.github.stealwatch.disk.LineReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads a trace file one sample at a time. The format: {@code #} starts a comment, blank lines are
 * ignored, and every other line is {@code <elapsed-ms> <cpu line as /proc/stat prints it>}. Lines
 * with the same elapsed-ms form one sample; elapsed-ms never decreases. The leading comments may
 * name the host, kernel and machine ({@code # host: vm1}, {@code # kernel: 4.9.30},
 * {@code # hypervisor: xen PV}), as {@code record} writes them. The file is read as it is replayed,
 * so a trace of millions of samples takes no more memory than one of ten.
 */
public final class TraceReader implements Closeable {

    static final String HOST_HEADER = "# host:";
    static final String KERNEL_HEADER = "# kernel:";

    /**
     * A trace line is an elapsed time and one cpu line, some 100 bytes; a header line names a
     * clocksource or the boot options. Far longer is not a trace: a binary file, /dev/zero.
     */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private final LineReader in;
    private String pendingLine;
    private long pendingMillis;
    private long lastSeenMillis = 0;
    private String host = HostFacts.UNKNOWN;
    private String kernel = HostFacts.UNKNOWN;
    private final Map<String, String> machineHeaders = new HashMap<>();

    /** @param in lines of at most {@link #MAX_LINE_BYTES} */
    public TraceReader(LineReader in) throws IOException, StatFormatException {
        this.in = in;
        readLeadingComments();
    }

    /** The host, kernel and machine the trace's header names, {@link HostFacts#UNKNOWN} where it names none. */
    public HostFacts hostFacts() {
        return new HostFacts(host, kernel, kernel.equals(HostFacts.UNKNOWN) ? MachineHeaders.NOT_IN_TRACE
                : MachineHeaders.FROM_TRACE, MachineHeaders.from(machineHeaders));
    }

    /** The next sample, or {@code null} at the end of the file. */
    public Sample next() throws IOException, StatFormatException {
        if (pendingLine == null) {
            return null;
        }
        long millis = pendingMillis;
        int firstLine = in.lineNumber();
        List<CpuLine> lines = new ArrayList<>();
        while (pendingLine != null && pendingMillis == millis) {
            if (lines.size() > StatParser.MAX_CPUS) {
                throw new StatFormatException("the sample at " + millis + " ms has more than " + StatParser.MAX_CPUS
                        + " cpu lines", in.lineNumber(), pendingLine);
            }
            lines.add(cpuLine(pendingLine));
            advance();
        }
        return toSample(millis, lines, firstLine);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void readLeadingComments() throws IOException, StatFormatException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(HOST_HEADER)) {
                host = line.substring(HOST_HEADER.length()).strip();
            } else if (line.startsWith(KERNEL_HEADER)) {
                kernel = line.substring(KERNEL_HEADER.length()).strip();
            } else if (isMachineHeader(line)) {
                int colon = line.indexOf(':');
                machineHeaders.put(line.substring(2, colon), line.substring(colon + 1).strip());
            } else if (!isSkipped(line)) {
                accept(line);
                return;
            }
        }
    }

    /** Moves to the next data line, or to the end of the file. */
    private void advance() throws IOException, StatFormatException {
        pendingLine = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (!isSkipped(line)) {
                accept(line);
                return;
            }
        }
    }

    private void accept(String line) throws StatFormatException {
        int space = line.indexOf(' ');
        long millis;
        try {
            millis = space < 0 ? -1 : Long.parseLong(line.substring(0, space));
        } catch (NumberFormatException e) {
            millis = -1;
        }
        if (millis < 0) {
            throw new StatFormatException("expected <elapsed-ms> <cpu line>", in.lineNumber(), line);
        }
        if (millis < lastSeenMillis) {
            throw new StatFormatException("elapsed-ms goes back from " + lastSeenMillis, in.lineNumber(), line);
        }
        lastSeenMillis = millis;
        pendingLine = line.substring(space + 1);
        pendingMillis = millis;
    }

    private CpuLine cpuLine(String text) throws StatFormatException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return StatParser.parseCpuLine(bytes, 0, bytes.length, in.lineNumber());
    }

    private static Sample toSample(long millis, List<CpuLine> lines, int lineNumber) throws StatFormatException {
        CpuLine aggregate = null;
        List<CpuLine> cpus = new ArrayList<>();
        for (CpuLine line : lines) {
            if (!line.isAggregate()) {
                cpus.add(line);
            } else if (aggregate == null) {
                aggregate = line;
            } else {
                throw new StatFormatException("two aggregate cpu lines at " + millis + " ms", lineNumber,
                        line.toProcStatText());
            }
        }
        if (aggregate == null) {
            throw new StatFormatException("the sample at " + millis + " ms has no aggregate cpu line",
                    lineNumber, lines.get(0).toProcStatText());
        }
        cpus.sort(java.util.Comparator.comparingInt(CpuLine::cpu));
        for (int i = 1; i < cpus.size(); i++) {
            if (cpus.get(i).cpu() == cpus.get(i - 1).cpu()) {
                throw new StatFormatException("the sample at " + millis + " ms has " + cpus.get(i).name()
                        + " twice", lineNumber, cpus.get(i).toProcStatText());
            }
        }
        return new Sample(TimeUnit.MILLISECONDS.toNanos(millis), aggregate, cpus);
    }

    private static boolean isMachineHeader(String line) {
        int colon = line.indexOf(':');
        return line.startsWith("# ") && colon > 2 && MachineHeaders.isMachineKey(line.substring(2, colon));
    }

    private static boolean isSkipped(String line) {
        return line.isBlank() || line.startsWith("#");
    }
}
