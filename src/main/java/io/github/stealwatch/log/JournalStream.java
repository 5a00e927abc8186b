package io.github.stealwatch.log;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is connected to the systemd journal. systemd sets {@code JOURNAL_STREAM}
 * to the device and inode of the stream it gave the service (systemd.exec(5)); a child whose
 * stderr was redirected elsewhere inherits the variable, so the inode is compared too.
 */
final class JournalStream {

    private JournalStream() {
    }

    static boolean isStandardError() {
        return matches(System.getenv("JOURNAL_STREAM"), Path.of("/proc/self/fd/2"));
    }

    /** True when {@code journalStream} ("DEV:INODE") names {@code stream}'s device and inode. */
    static boolean matches(String journalStream, Path stream) {
        if (journalStream == null || journalStream.isBlank()) {
            return false;
        }
        String[] parts = journalStream.strip().split(":");
        if (parts.length != 2) {
            return false;
        }
        try {
            long device = ((Number) Files.getAttribute(stream, "unix:dev")).longValue();
            long inode = ((Number) Files.getAttribute(stream, "unix:ino")).longValue();
            return Long.parseLong(parts[0]) == device && Long.parseLong(parts[1]) == inode;
        } catch (Exception cannotTell) {
            // No /proc or no unix attribute view: the variable alone is the best evidence left.
            return true;
        }
    }
}
