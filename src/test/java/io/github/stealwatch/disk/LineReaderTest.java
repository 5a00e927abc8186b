package io.github.stealwatch.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long file of short lines: each line within its bound, as text, numbered in the errors. */
class LineReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsLinesWithEitherEndingAndALastOneWithout() throws Exception {
        Path file = Files.writeString(temp.resolve("trace"), "first\r\nsecond\n\nlast");

        try (LineReader in = new LineReader(file, 100)) {
            assertEquals("first", in.readLine());
            assertEquals("second", in.readLine());
            assertEquals("", in.readLine());
            assertEquals("last", in.readLine());
            assertEquals(4, in.lineNumber());
            assertNull(in.readLine());
        }
    }

    @Test
    void aLineOfExactlyTheBoundIsReadAndOneBytePastItIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("trace"), "x".repeat(100) + "\n" + "y".repeat(101) + "\n");

        try (LineReader in = new LineReader(file, 100)) {
            assertEquals("x".repeat(100), in.readLine());
            IOException error = assertThrows(IOException.class, in::readLine);
            assertEquals(file + " line 2: longer than 100 bytes", error.getMessage());
        }
    }

    @Test
    void aDeviceThatNeverEndsALineIsRefusedAtTheBound() throws Exception {
        try (LineReader in = new LineReader(Path.of("/dev/zero"), 65536)) {
            IOException error = assertThrows(IOException.class, in::readLine);
            assertEquals("/dev/zero line 1: longer than 65536 bytes", error.getMessage());
        }
    }

    @Test
    void aLineThatIsNotTextIsNamed() throws Exception {
        Path file = temp.resolve("binary");
        Files.write(file, new byte[] {'o', 'k', '\n', (byte) 0xFF, (byte) 0xFE, '\n'});

        try (LineReader in = new LineReader(file, 100)) {
            assertEquals("ok", in.readLine());
            IOException error = assertThrows(IOException.class, in::readLine);
            assertEquals(file + " line 2: not text", error.getMessage());
        }
    }

    @Test
    void aDirectoryIsNamedInTheError() throws Exception {
        try (LineReader in = new LineReader(temp, 100)) {
            IOException error = assertThrows(IOException.class, in::readLine);
            assertEquals("cannot read " + temp + ": Is a directory", error.getMessage());
        }
    }
}
