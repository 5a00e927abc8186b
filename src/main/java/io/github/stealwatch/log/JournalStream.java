package io.github.stealwatch.log;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is connected to the systemd journal. systemd sets {@code JOURNAL_STREAM}
 * to the device and inode of the stream it gave the service (systemd.exec(5)); a child whose
 * stderr was redirected elsewhere inherits the variable, so the inode is compared too.
 */
public final class JournalStream {

    /** Far longer than journald takes to read a line it was woken for; short beside a JVM's start. */
    private static final long LINGER_MILLIS = 250;

    private JournalStream() {
    }

    /**
     * Stays a moment before the process exits, when standard error is the journal. journald takes a
     * line's invocation from the writer's /proc entry when it reads the line: a process that exits
     * right after its last line (a bad option in ExecStartPre=) leaves the line without
     * _SYSTEMD_INVOCATION_ID, and systemctl status, which shows the current invocation's lines,
     * leaves it out (seen under systemd 252 in src/test/pid1-e2e.sh).
     */
    public static void lingerBeforeExit() {
        if (!isStandardError()) {
            return;
        }
        try {
            Thread.sleep(LINGER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
