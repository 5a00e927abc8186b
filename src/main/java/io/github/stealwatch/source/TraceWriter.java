package io.github.stealwatch.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes samples in the trace format {@link TraceReader} reads, stamped with the measured
 * monotonic time since the first sample. Each sample is flushed, so a killed recording keeps
 * everything up to its last sample.
 */
public final class TraceWriter implements Closeable {

    private final Writer out;
    private long firstNanos;
    private long lastMillis = -1;

    public TraceWriter(Writer out, HostFacts host, Instant startedAt, String source) throws IOException {
        this.out = out;
        out.write("# stealwatch trace: <elapsed-ms> <cpu line as /proc/stat prints it>\n");
        out.write(TraceReader.HOST_HEADER + " " + host.hostName() + "\n");
        out.write(TraceReader.KERNEL_HEADER + " " + host.kernelRelease() + "\n");
        for (Map.Entry<String, String> header : MachineHeaders.of(host.machine()).entrySet()) {
            out.write("# " + header.getKey() + ": " + header.getValue() + "\n");
        }
        out.write("# source: " + source + "\n");
        out.write("# started: " + startedAt + "\n");
        out.flush();
    }

    public void write(Sample sample) throws IOException {
        long millis;
        if (lastMillis < 0) {
            firstNanos = sample.monotonicNanos();
            millis = 0;
        } else {
            // Samples sharing a millisecond would merge into one on replay: keep them apart.
            millis = Math.max(TimeUnit.NANOSECONDS.toMillis(sample.monotonicNanos() - firstNanos), lastMillis + 1);
        }
        lastMillis = millis;
        StringBuilder block = new StringBuilder();
        appendLine(block, millis, sample.aggregate());
        for (CpuLine cpu : sample.cpus()) {
            appendLine(block, millis, cpu);
        }
        out.write(block.toString());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static void appendLine(StringBuilder block, long millis, CpuLine line) {
        block.append(millis).append(' ').append(line.toProcStatText()).append('\n');
    }
}
