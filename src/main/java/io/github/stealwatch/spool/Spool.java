package io.github.stealwatch.spool;

import io.github.stealwatch.disk.AtomicFile;
import io.github.stealwatch.disk.BoundedText;
import io.github.stealwatch.disk.LockFile;
import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A directory of reports waiting to be mailed, one file per report, named by a sequence number so
 * the oldest sorts first. Every file is written whole under a temporary dot-name and renamed into
 * place, so a kill at any moment leaves a complete report or none. Helper files (the lock, the
 * dropped counter, temporaries) start with a dot and are never taken for reports.
 */
public final class Spool {

    /** The default bound: at one report an hour per anomaly, weeks of a dead relay. */
    public static final int DEFAULT_MAX_REPORTS = 1000;

    private static final String SUFFIX = ".report";
    private static final String LOCK_FILE = ".lock";
    private static final String DROPPED_FILE = ".dropped";
    /** Twelve digits sort as text in number order, and outlast any spool. */
    private static final String NAME_FORMAT = "%012d" + SUFFIX;

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    /**
     * How long a writer waits for another process's flush: long enough for a slow relay to take a
     * few reports, short enough that a stuck one does not hold a report back for good.
     */
    private static final Duration LOCK_WAIT = Duration.ofMinutes(5);

    /**
     * A report is some kilobytes: a table of 20 samples and its diagnosis. A file beyond this is
     * no report of ours, and is passed over rather than read into the heap.
     */
    static final int MAX_REPORT_BYTES = 4 * 1024 * 1024;

    /** The dropped counter is one number. */
    private static final int MAX_COUNTER_BYTES = 64;

    private final Path directory;
    private final int maxReports;
    private final Clock clock;

    public Spool(Path directory, int maxReports, Clock clock) {
        if (maxReports < 1) {
            throw new IllegalArgumentException("a spool must hold at least one report: " + maxReports);
        }
        this.directory = directory;
        this.maxReports = maxReports;
        this.clock = clock;
    }

    public Path directory() {
        return directory;
    }

    /** Work on the spool while no other process or thread does. */
    interface Work<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding the spool's lock, after clearing what a killed writer left behind. */
    <T> T exclusively(Work<T> work) throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IOException("the spool " + directory + " is not a directory");
        }
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
        try (LockFile lock = LockFile.acquire(directory.resolve(LOCK_FILE), LOCK_WAIT, clock)) {
            removeTemporaries();
            return work.run();
        } catch (LockFile.HeldException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The reports waiting, oldest first. Safe without the lock: it only lists. */
    public List<Path> waiting() throws IOException {
        List<Path> reports = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return reports;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "[0-9]*" + SUFFIX)) {
            files.forEach(reports::add);
        }
        reports.sort(null);
        return reports;
    }

    /** Writes the report as the newest; with the spool full, counts it as dropped and returns null. */
    Path add(SpooledReport report) throws IOException {
        List<Path> waiting = waiting();
        if (waiting.size() >= maxReports) {
            setDropped(dropped() + 1);
            return null;
        }
        long next = waiting.isEmpty() ? 1 : sequenceOf(waiting.get(waiting.size() - 1)) + 1;
        Path file = directory.resolve(String.format(NAME_FORMAT, next));
        AtomicFile.write(file, SpoolFileFormat.write(report));
        return file;
    }

    /** @throws IllegalArgumentException when the file is not a spooled report */
    SpooledReport read(Path file) throws IOException {
        return SpoolFileFormat.read(BoundedText.read(file, MAX_REPORT_BYTES, "a spooled report"));
    }

    void remove(Path file) throws IOException {
        AtomicFile.delete(file);
    }

    /** Reports dropped because the spool was full, since the last delivered report said so. */
    long dropped() throws IOException {
        Path file = directory.resolve(DROPPED_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        try {
            return Long.parseLong(BoundedText.read(file, MAX_COUNTER_BYTES, "a counter").strip());
        } catch (NumberFormatException garbled) {
            return 1; // at least one was dropped, or the file would not be there
        }
    }

    /** Forgets {@code count} dropped reports, once a delivered report has said so. */
    void forgetDropped(long count) throws IOException {
        long left = dropped() - count;
        if (left > 0) {
            setDropped(left);
        } else {
            Files.deleteIfExists(directory.resolve(DROPPED_FILE));
        }
    }

    public int maxReports() {
        return maxReports;
    }

    private void setDropped(long count) throws IOException {
        AtomicFile.write(directory.resolve(DROPPED_FILE), count + "\n");
    }

    /** Under the lock nobody is writing, so a temporary file is what a killed writer left. */
    private void removeTemporaries() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, AtomicFile.TEMP_PREFIX + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static long sequenceOf(Path report) {
        String name = report.getFileName().toString();
        try {
            return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
        } catch (NumberFormatException notOurs) {
            return 0;
        }
    }
}
