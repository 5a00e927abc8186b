package io.github.stealwatch.state;

import io.github.stealwatch.disk.AtomicFile;
import io.github.stealwatch.disk.BoundedText;
import io.github.stealwatch.disk.LockFile;
import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The audit's state file: read at the start of a run, replaced atomically at its end, and guarded
 * by a lock file beside it ({@code .<name>.lock}) so a slow run and the next cron tick never both
 * write it.
 */
public final class StateStore {

    /**
     * A state holds a few fields and a cpu line per CPU: under 2 MiB for 8,192 CPUs of 20-digit
     * counters. Anything larger is not a state of ours and becomes a new baseline unread.
     */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    /** A run takes a few seconds; ten is plenty for the one before to finish, and cron waits for no one. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    private final Path file;

    public StateStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /**
     * Takes the lock, creating the directory if need be.
     *
     * @throws LockFile.HeldException when another run still holds it after {@code wait}
     */
    public LockFile lock(Duration wait, Clock clock) throws IOException, LockFile.HeldException {
        Files.createDirectories(file.getParent());
        return LockFile.acquire(file.resolveSibling("." + file.getFileName() + ".lock"), wait, clock);
    }

    /** The last run's state; empty when there has been none. */
    public Optional<AuditState> load() throws CorruptStateException {
        String text;
        try {
            text = BoundedText.read(file, MAX_BYTES, "a stealwatch state file");
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            throw new CorruptStateException("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new CorruptStateException(e.getMessage());
        }
        try {
            return Optional.of(StateFileFormat.read(text));
        } catch (IllegalArgumentException e) {
            throw new CorruptStateException(file + " is not a stealwatch state file: " + e.getMessage());
        }
    }

    public void save(AuditState state) throws IOException {
        AtomicFile.write(file, StateFileFormat.write(state));
    }
}
