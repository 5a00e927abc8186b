package io.github.stealwatch.disk;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file written as it grows (a recording, row by row), so that a kill at any moment leaves every
 * row written so far. Its writer holds a lock on it (fcntl, which the kernel drops when the
 * process dies, even by SIGKILL), so another process can tell a file still being written from one
 * whose writer is gone: {@link #isAbandoned}. Not synced until {@link #finish}: a kill loses
 * nothing written, only a power cut could.
 */
public final class GrowingFile implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private GrowingFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates {@code file}, readable by its owner only, holding its lock, with {@code text} in it. */
    public static GrowingFile create(Path file, String text) throws IOException {
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Owners.fromDirectory(file);
            GrowingFile growing = new GrowingFile(file, channel, channel.lock());
            growing.append(text);
            return growing;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * True when nobody holds {@code file}'s lock: its writer finished or died. False while a writer
     * holds it, in this process or another.
     */
    public static boolean isAbandoned(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException heldInThisProcess) {
            return false;
        }
    }

    public Path file() {
        return file;
    }

    public void append(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Appends the last text and puts the file on disk. */
    public void finish(String text) throws IOException {
        append(text);
        channel.force(true);
    }

    /** Lets go of the file; the lock goes with it. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
