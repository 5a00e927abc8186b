package io.github.stealwatch.source;

import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code <proc-root>/stat} once per sample. The whole file is read in one go because the
 * kernel regenerates it on every open and its reported size is 0 (man 5 proc); the time is taken
 * right after the read, which is when the counters were snapshotted.
 */
public final class ProcStatReader {

    private final Path statFile;
    private final Clock clock;

    public ProcStatReader(Path procRoot, Clock clock) {
        this.statFile = procRoot.resolve("stat");
        this.clock = clock;
    }

    public Path statFile() {
        return statFile;
    }

    public Sample read() throws IOException, StatFormatException {
        byte[] bytes = Files.readAllBytes(statFile);
        long readAt = clock.monotonicNanos();
        try {
            return StatParser.parse(bytes, bytes.length, readAt);
        } catch (StatFormatException e) {
            throw new StatFormatException(statFile + " " + e.getMessage());
        }
    }
}
