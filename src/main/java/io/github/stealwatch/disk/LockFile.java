package io.github.stealwatch.disk;

import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An exclusive lock on a file (fcntl, released by the kernel when the process dies, so a killed
 * holder never leaves it stuck), taken by polling until a deadline so a waiter can give up.
 * Threads of one process exclude each other too: the JVM refuses them an overlapping lock.
 */
public final class LockFile implements AutoCloseable {

    /** Often enough that a waiter starts soon after the holder ends; rarely enough to cost nothing. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** The lock was still held by someone else when the wait ran out. */
    public static final class HeldException extends Exception {
        HeldException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static LockFile acquire(Path file, Duration wait, Clock clock) throws IOException, HeldException {
        boolean isNew = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            if (isNew) {
                // One made by root would shut out the unit's user for good (see Owners).
                Owners.fromDirectory(file);
            }
            long deadline = clock.monotonicNanos() + wait.toNanos();
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new LockFile(channel, lock);
                }
                long now = clock.monotonicNanos();
                if (now - deadline >= 0) {
                    throw new HeldException(file + " is locked by another stealwatch; gave up after "
                            + wait.toSeconds() + " s");
                }
                clock.sleepUntil(Math.min(deadline, now + POLL_NANOS));
            }
        } catch (IOException | HeldException | RuntimeException e) {
            channel.close();
            throw e;
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock " + file, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
