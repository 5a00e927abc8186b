package io.github.stealwatch.disk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a small text file whole, within a bound, so that no file handed to stealwatch (a device
 * such as /dev/zero, a garbled state, a runaway log given by mistake) can fill its heap. The size
 * the file system reports is not trusted (procfs and devices say 0): at most one byte more than
 * the bound is read, and that byte says the file is too large.
 */
public final class BoundedText {

    private BoundedText() {
    }

    /**
     * The file's text, strictly decoded as UTF-8.
     *
     * @param kind what the file should be, for the message: "a stealwatch state file"
     * @throws IOException that names the file: too large ("FILE is larger than N bytes: not KIND"),
     *                     not text ("FILE line N: not text"), or unreadable ("cannot read FILE: why")
     */
    public static String read(Path file, int maxBytes, String kind) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw e; // their own names say it, and callers tell them apart
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > maxBytes) {
            throw new IOException(file + " is larger than " + maxBytes + " bytes: not " + kind);
        }
        return TextDecoding.decode(bytes, bytes.length, file, 1);
    }
}
