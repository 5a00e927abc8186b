package io.github.stealwatch.source;

import io.github.stealwatch.disk.LineReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A trace given as text, written to a temporary file and opened as replay opens one. */
final class TraceFiles {

    private TraceFiles() {
    }

    static TraceReader reader(String trace) throws IOException, StatFormatException {
        Path file = Files.createTempFile("stealwatch-test", ".trace");
        file.toFile().deleteOnExit();
        Files.writeString(file, trace);
        return new TraceReader(new LineReader(file, TraceReader.MAX_LINE_BYTES));
    }
}
