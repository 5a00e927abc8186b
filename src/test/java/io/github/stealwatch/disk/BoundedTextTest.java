package io.github.stealwatch.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole small file: read up to its bound and not a byte past it, as text or not at all. */
class BoundedTextTest {

    @TempDir
    Path temp;

    @Test
    void aFileOfExactlyTheBoundIsRead() throws Exception {
        Path file = Files.writeString(temp.resolve("state"), "x".repeat(100));

        assertEquals("x".repeat(100), BoundedText.read(file, 100, "a state"));
    }

    @Test
    void oneBytePastTheBoundIsRefusedNamingTheFile() throws Exception {
        Path file = Files.writeString(temp.resolve("state"), "x".repeat(101));

        IOException error = assertThrows(IOException.class, () -> BoundedText.read(file, 100, "a state"));

        assertEquals(file + " is larger than 100 bytes: not a state", error.getMessage());
    }

    @Test
    void aDeviceThatNeverEndsIsCutAtTheBound() {
        IOException error = assertThrows(IOException.class,
                () -> BoundedText.read(Path.of("/dev/zero"), 4096, "a configuration"));

        assertEquals("/dev/zero is larger than 4096 bytes: not a configuration", error.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreNotTextAndTheLineIsNamed() throws Exception {
        Path file = temp.resolve("garbled");
        Files.write(file, new byte[] {'a', '\n', 'b', '\n', 'c', (byte) 0xC3, '(', '\n'});

        IOException error = assertThrows(IOException.class, () -> BoundedText.read(file, 100, "a state"));

        assertEquals(file + " line 3: not text", error.getMessage());
    }

    @Test
    void aNulByteIsNotText() throws Exception {
        Path file = temp.resolve("nul");
        Files.write(file, new byte[] {'o', 'k', '\n', 0});

        IOException error = assertThrows(IOException.class, () -> BoundedText.read(file, 100, "a state"));

        assertEquals(file + " line 2: not text", error.getMessage());
    }

    @Test
    void utf8TextIsReadAsItIs() throws Exception {
        Path file = Files.writeString(temp.resolve("text"), "Grüße, 東京\n");

        assertEquals("Grüße, 東京\n", BoundedText.read(file, 100, "a state"));
    }

    @Test
    void aMissingFileIsTheJdksNoSuchFileAndADirectoryIsNamed() {
        assertThrows(NoSuchFileException.class, () -> BoundedText.read(temp.resolve("missing"), 100, "a state"));

        IOException error = assertThrows(IOException.class, () -> BoundedText.read(temp, 100, "a state"));
        assertEquals("cannot read " + temp + ": Is a directory", error.getMessage());
    }
}
