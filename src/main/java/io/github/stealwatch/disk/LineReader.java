package io.github.stealwatch.disk;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a text file a line at a time, for files that may be long (a trace of millions of samples)
 * but whose lines are short: a line longer than the bound, or one that is not text, is an error
 * naming the file and the line. Memory stays within the bound whatever the file holds.
 */
public final class LineReader implements Closeable {

    private final InputStream in;
    private final Path file;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineNumber;

    public LineReader(Path file, int maxLineBytes) throws IOException {
        this.in = Files.newInputStream(file);
        this.file = file;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its end ({@code \n} or {@code \r\n}), or null at the end of the file. */
    public String readLine() throws IOException {
        int length = 0;
        int b;
        while ((b = nextByte()) >= 0 && b != '\n') {
            if (length == maxLineBytes) {
                throw new IOException(file + " line " + (lineNumber + 1) + ": longer than " + maxLineBytes + " bytes");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, maxLineBytes));
            }
            line[length++] = (byte) b;
        }
        if (b < 0 && length == 0) {
            return null;
        }
        lineNumber++;
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return TextDecoding.decode(line, length, file, lineNumber);
    }

    /** The number of the line {@link #readLine} returned last, from 1. */
    public int lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int nextByte() throws IOException {
        if (position == limit) {
            try {
                limit = Math.max(in.read(buffer), 0);
            } catch (IOException e) {
                throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            position = 0;
            if (limit == 0) {
                return -1;
            }
        }
        return buffer[position++] & 0xff;
    }
}
