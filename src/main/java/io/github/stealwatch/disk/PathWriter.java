package io.github.stealwatch.disk;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A buffered UTF-8 writer to a file whose every error names the file: "cannot write
 * /dev/full: No space left on device", not the bare reason, which could be about any file.
 */
public final class PathWriter extends Writer {

    private final Path file;
    private final Writer out;

    private PathWriter(Path file, Writer out) {
        this.file = file;
        this.out = out;
    }

    /** Creates or replaces {@code file}. */
    public static PathWriter open(Path file) throws IOException {
        try {
            return new PathWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        try {
            out.write(text, offset, length);
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw named(file, e);
        }
    }

    /** {@code e}, a failure to write {@code file}, as the error a user reads: "cannot write FILE: reason". */
    public static IOException named(Path file, IOException e) {
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "no such directory";
        } else if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            reason = fileSystem.getReason();
        } else {
            reason = String.valueOf(e.getMessage());
        }
        return new IOException("cannot write " + file + ": " + reason, e);
    }
}
