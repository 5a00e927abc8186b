package io.github.stealwatch.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a kill or a full disk at any moment leaves the old file or the new one,
 * never half of one: the text goes to a temporary file in the same directory, is synced, and is
 * renamed over the target, which rename(2) does atomically within one file system.
 */
public final class AtomicFile {

    /** Temporary files start with this: a dot-name, never taken for a report or a state. */
    public static final String TEMP_PREFIX = ".tmp-";

    /** Spool and state files may hold mail addresses and a host's history: owner only. */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** Published files are read by another user (node_exporter runs as its own): 0644. */
    private static final Set<PosixFilePermission> READABLE_BY_ALL = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFile() {
    }

    /**
     * Replaces {@code file}, readable by its owner only, durably: it is on disk when this returns.
     * Written by root, it keeps the owner it had, or its directory's (see {@link Owners}).
     */
    public static void write(Path file, String text) throws IOException {
        replace(file, text, OWNER_ONLY, true);
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /**
     * Replaces {@code file}, readable by everyone, without syncing: a reader never sees half of it,
     * but a power cut may lose it. For a file rewritten every few seconds (metrics), whose loss
     * costs nothing, and which should cost no disk flush each time.
     */
    public static void publish(Path file, String text) throws IOException {
        replace(file, text, READABLE_BY_ALL, false);
    }

    private static void replace(Path file, String text, Set<PosixFilePermission> permissions, boolean sync)
            throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        // Not UUID.randomUUID(): its SecureRandom loads ~40 classes of security providers into a
        // process that may only ever write a metrics file. CREATE_NEW catches the unlikely clash.
        Path temp = directory.resolve(TEMP_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(permissions))) {
            // Again after creation, which the umask narrows (UMask=0077 in the units).
            Files.setPosixFilePermissions(temp, permissions);
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            if (sync) {
                // The durable files are the units' state and spool: written by root, they keep their owner.
                Owners.keep(temp, file);
                channel.force(true); // the data is on disk before the name points at it
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Deletes {@code file} and makes the deletion durable. */
    public static void delete(Path file) throws IOException {
        Files.delete(file);
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /** Makes a rename or delete survive a power cut, not only a kill. */
    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException notSupported) {
            // Some file systems refuse to sync a directory; the rename is still atomic.
        }
    }
}
