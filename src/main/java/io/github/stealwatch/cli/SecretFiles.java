package io.github.stealwatch.cli;

import io.github.stealwatch.disk.BoundedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Files that hold a password: readable by their owner only, or refused. */
final class SecretFiles {

    /** A password is one line; a file far longer is not a password file. */
    private static final int MAX_PASSWORD_FILE_BYTES = 4096;

    private SecretFiles() {
    }

    /** @throws IllegalArgumentException saying so when group or others may read {@code file} */
    static void requireOwnerOnly(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("cannot check who may read " + file + ": " + e.getMessage(), e);
        }
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            throw new IllegalArgumentException(file + " holds a password but group or others may read it; "
                    + "run: chmod 600 " + file);
        }
    }

    /** The password in {@code file}: its first line, after checking that only its owner may read it. */
    static String readPassword(Path file) throws IOException {
        requireOwnerOnly(file);
        String text = BoundedText.read(file, MAX_PASSWORD_FILE_BYTES, "a password file");
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).replace("\r", "");
    }
}
