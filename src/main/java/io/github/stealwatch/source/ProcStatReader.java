package io.github.stealwatch.source;

import io.github.stealwatch.time.Clock;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads {@code <proc-root>/stat} once per sample without allocating: the file stays open and each
 * sample re-reads it from offset 0 into the same buffer, which makes the kernel generate it afresh
 * (fs/seq_file.c; top reads it the same way). Only the cpu block at the top is read and parsed.
 * The time is taken right after the first read, which is when the kernel snapshotted the counters.
 */
public final class ProcStatReader implements Closeable {

    /** Enough for the cpu block of 128 CPUs in one read; bigger hosts grow it once. */
    private static final int FIRST_BUFFER_BYTES = 16 * 1024;

    /**
     * The cpu block of {@link StatParser#MAX_CPUS} lines of ten 20-digit counters (230 bytes each)
     * fits in 3.8 MiB. A file with no end to it within this is not /proc/stat (a device, a runaway
     * file) and must not take the heap.
     */
    static final int MAX_BUFFER_BYTES = 4 * 1024 * 1024;

    private final Path statFile;
    private final Clock clock;
    private final boolean mayBeReplaced;
    private byte[] bytes = new byte[FIRST_BUFFER_BYTES];
    /**
     * What the kernel writes into: a direct buffer, copied into {@link #bytes} for the parser. A
     * heap buffer would cost each read the JDK's lookup of a temporary direct buffer and its return
     * (sun.nio.ch.Util's per-thread cache): 2.3 % of the watch's CPU, measured with perf.
     */
    private ByteBuffer buffer = ByteBuffer.allocateDirect(FIRST_BUFFER_BYTES);
    private FileChannel channel;
    /** The identity of a regular file when it was opened; null for a generated (procfs) file. */
    private Object openedFileKey;

    public ProcStatReader(Path procRoot, Clock clock) {
        this(procRoot.resolve("stat"), clock, true);
    }

    private ProcStatReader(Path statFile, Clock clock, boolean mayBeReplaced) {
        this.statFile = statFile;
        this.clock = clock;
        this.mayBeReplaced = mayBeReplaced;
    }

    /**
     * A reader of a regular file that stands in for procfs's, trusted to be rewritten in place and
     * never replaced, so it is read exactly as /proc/stat is: for a benchmark on captured files.
     */
    public static ProcStatReader ofStandIn(Path statFile, Clock clock) {
        return new ProcStatReader(statFile, clock, false);
    }

    public Path statFile() {
        return statFile;
    }

    /** Reads a sample into a new, immutable {@link Sample}: for the one-shot reads of audit and tests. */
    public Sample read() throws IOException, StatFormatException {
        StatSnapshot snapshot = new StatSnapshot();
        readInto(snapshot);
        return snapshot.toSample();
    }

    /**
     * Reads a sample into {@code into}, overwriting it. A read that fails closes the file, so the
     * next one opens it again: it may have been replaced, or its FUSE server (lxcfs) restarted.
     */
    public void readInto(StatSnapshot into) throws IOException, StatFormatException {
        try {
            readCpuBlock(open(), into);
        } catch (StatFormatException e) {
            close();
            throw new StatFormatException(statFile + " " + e.getMessage());
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing was written through it: there is nothing to lose.
            }
            channel = null;
        }
    }

    private void readCpuBlock(FileChannel file, StatSnapshot into) throws IOException, StatFormatException {
        int length = 0;
        long readAt = 0;
        while (true) {
            if (length == bytes.length) {
                if (bytes.length >= MAX_BUFFER_BYTES) {
                    throw new StatFormatException("has no end to its cpu lines within " + MAX_BUFFER_BYTES
                            + " bytes: not a /proc/stat");
                }
                grow();
            }
            buffer.limit(bytes.length).position(length);
            // Reads after the first go on from where it stopped, in the kernel's copy of the same snapshot.
            int read = file.read(buffer, length);
            if (length == 0) {
                readAt = clock.monotonicNanos();
            }
            if (read > 0) {
                buffer.get(length, bytes, length, read);
                length += read;
            }
            if (StatParser.parseInto(bytes, length, read <= 0, readAt, into)) {
                return;
            }
        }
    }

    private FileChannel open() throws IOException {
        if (channel != null && !replaced()) {
            return channel;
        }
        close();
        channel = FileChannel.open(statFile, StandardOpenOption.READ);
        // procfs reports a size of 0 and its stat file can be neither renamed over nor deleted, so
        // only a regular file (a fixture, a copy) needs the per-read check for a replacement.
        openedFileKey = !mayBeReplaced || channel.size() == 0 ? null : fileKey();
        return channel;
    }

    private boolean replaced() throws IOException {
        if (openedFileKey == null) {
            return false;
        }
        try {
            return !openedFileKey.equals(fileKey());
        } catch (NoSuchFileException gone) {
            return true;
        }
    }

    private Object fileKey() throws IOException {
        return Files.readAttributes(statFile, BasicFileAttributes.class).fileKey();
    }

    private void grow() {
        bytes = Arrays.copyOf(bytes, Math.min(bytes.length * 2, MAX_BUFFER_BYTES));
        buffer = ByteBuffer.allocateDirect(bytes.length);
    }
}
