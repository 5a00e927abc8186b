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
import java.util.UUID;

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

    private AtomicFile() {
    }

    public static void write(Path file, String text) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temp = directory.resolve(TEMP_PREFIX + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true); // the data is on disk before the name points at it
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
        syncDirectory(directory);
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
