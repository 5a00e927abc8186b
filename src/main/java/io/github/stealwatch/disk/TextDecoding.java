package io.github.stealwatch.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Turns bytes into text strictly: UTF-8 that does not decode, or a NUL byte (which no text file
 * holds), is an error that names the file and the line, never a replacement character or a
 * decoder's "Input length = 1".
 */
final class TextDecoding {

    private TextDecoding() {
    }

    /**
     * @param firstLine the line number of {@code bytes}' first line, for the message
     * @throws IOException "FILE line N: not text"
     */
    static String decode(byte[] bytes, int length, Path file, int firstLine) throws IOException {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                throw notText(bytes, i, file, firstLine);
            }
        }
        // Checked a chunk at a time, then made a String once: a file at its bound costs its bytes
        // and its text, not a char for every byte besides.
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer scratch = CharBuffer.allocate(Math.min(length + 1, 8192));
        while (true) {
            CoderResult result = decoder.decode(in, scratch, true);
            if (result.isError()) {
                throw notText(bytes, in.position(), file, firstLine);
            }
            if (result.isUnderflow()) {
                break;
            }
            scratch.clear();
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static IOException notText(byte[] bytes, int badByte, Path file, int firstLine) {
        int line = firstLine;
        for (int i = 0; i < badByte; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return new IOException(file + " line " + line + ": not text");
    }
}
