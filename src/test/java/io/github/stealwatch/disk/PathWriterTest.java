package io.github.stealwatch.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every write error names the file written. */
class PathWriterTest {

    @TempDir
    Path temp;

    @Test
    void writesTheFile() throws Exception {
        Path file = temp.resolve("trace");
        try (Writer out = PathWriter.open(file)) {
            out.write("1 cpu  1 2 3\n");
        }

        assertEquals("1 cpu  1 2 3\n", Files.readString(file));
    }

    @Test
    void aFullDiskNamesTheFile() throws Exception {
        Writer out = PathWriter.open(Path.of("/dev/full"));

        IOException error = assertThrows(IOException.class, () -> {
            out.write("x".repeat(100_000));
            out.close();
        });

        assertEquals("cannot write /dev/full: No space left on device", error.getMessage());
    }

    @Test
    void aMissingDirectoryNamesTheFile() {
        Path file = temp.resolve("no-such-dir").resolve("trace");

        IOException error = assertThrows(IOException.class, () -> PathWriter.open(file));

        assertEquals("cannot write " + file + ": no such directory", error.getMessage());
    }
}
