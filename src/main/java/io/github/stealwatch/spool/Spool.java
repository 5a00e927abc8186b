package io.github.stealwatch.spool;

import io.github.stealwatch.disk.AtomicFile;
import io.github.stealwatch.disk.BoundedText;
import io.github.stealwatch.disk.GrowingFile;
import io.github.stealwatch.disk.LineReader;
import io.github.stealwatch.disk.LockFile;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of reports waiting to be mailed, one file per report, named by a sequence number so
 * the oldest sorts first. A file holds a report's text, or the recording the watch made, which the
 * reader turns into the report ({@link RecordingFileFormat}). Every file is written whole under a
 * dot-name and renamed into place, so a numbered file is always complete. A recording grows under
 * its dot-name while the watch records; if the watch is killed, the next process to take the
 * spool's lock finds it abandoned and puts it in place, to be reported as cut short. Helper files
 * (the lock, the dropped counter, temporaries, recordings in progress) start with a dot and are
 * never taken for reports.
 */
public final class Spool {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

    /** The default bound: at one report an hour per anomaly, weeks of a dead relay. */
    public static final int DEFAULT_MAX_REPORTS = 1000;

    private static final String SUFFIX = ".report";
    private static final String LOCK_FILE = ".lock";
    private static final String DROPPED_FILE = ".dropped";
    private static final String RECORDING_PREFIX = ".recording-";
    /** Twelve digits sort as text in number order, and outlast any spool. */
    private static final int NAME_DIGITS = 12;

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

    /**
     * A recording holds at most {@code Recorder.MAX_CPU_LINES} cpu lines (9.2 MiB at 230 bytes, the
     * longest a line can be) and an anomaly line for each at worst: beyond this it is not ours.
     */
    static final long MAX_RECORDING_BYTES = 16 * 1024 * 1024;

    /** The dropped counter is one number. */
    private static final int MAX_COUNTER_BYTES = 64;

    private final Path directory;
    private final int maxReports;
    private final Clock clock;
    /** The recordings this process is writing: never taken for abandoned ones. */
    private final Set<Path> writing = ConcurrentHashMap.newKeySet();

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
        createDirectory();
        try (LockFile lock = LockFile.acquire(directory.resolve(LOCK_FILE), LOCK_WAIT, clock)) {
            removeTemporaries();
            addAbandonedRecordings();
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
        Path file = nextFile();
        if (file != null) {
            AtomicFile.write(file, SpoolFileFormat.write(report));
        }
        return file;
    }

    /** The name the next report takes; null, with the drop counted, when the spool is full. */
    private Path nextFile() throws IOException {
        List<Path> waiting = waiting();
        if (waiting.size() >= maxReports) {
            setDropped(dropped() + 1);
            return null;
        }
        long next = waiting.isEmpty() ? 1 : sequenceOf(waiting.get(waiting.size() - 1)) + 1;
        return directory.resolve(name(next));
    }

    private Path addInPlace(Path recording) throws IOException {
        Path file = nextFile();
        if (file == null) {
            Files.deleteIfExists(recording);
            return null;
        }
        Files.move(recording, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /** Stops taking a recording this process wrote for its own: the next flush may put it in place. */
    void letGo(GrowingFile recording) {
        writing.remove(recording.file());
    }

    /** Recordings whose watch was killed: put in place, to be reported as cut short. */
    private void addAbandonedRecordings() throws IOException {
        for (Path file : abandonedRecordings()) {
            Path placed = addInPlace(file);
            LOG.warn("{} is a recording whose watch stopped before it ended: {}", file,
                    placed == null ? "dropped, the spool is full" : "kept as " + placed + ", to be reported");
        }
    }

    /**
     * Recordings no process is writing: their watch was killed (the next flush puts them in place
     * and reports them), or could not put them in place itself.
     */
    List<Path> abandonedRecordings() throws IOException {
        List<Path> abandoned = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return abandoned;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, RECORDING_PREFIX + "*")) {
            for (Path file : files) {
                if (!writing.contains(file) && GrowingFile.isAbandoned(file)) {
                    abandoned.add(file);
                }
            }
        }
        abandoned.sort(null);
        return abandoned;
    }

    private void createDirectory() throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IOException("the spool " + directory + " is not a directory");
        }
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
    }

    /**
     * Starts a recording in the spool, under a dot-name until {@link #add(GrowingFile)} puts it in
     * place; its writer appends to it as it grows.
     */
    GrowingFile startRecording(String text) throws IOException {
        createDirectory();
        Path file = directory.resolve(RECORDING_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        writing.add(file);
        try {
            return GrowingFile.create(file, text);
        } catch (IOException | RuntimeException e) {
            writing.remove(file);
            throw e;
        }
    }

    /** Puts a finished recording in place as the newest report; with the spool full, drops it and counts it. */
    Path add(GrowingFile recording) throws IOException {
        try {
            return addInPlace(recording.file());
        } finally {
            writing.remove(recording.file());
        }
    }

    /** Forgets a recording that could not be finished, and deletes what it wrote. */
    void discard(GrowingFile recording) throws IOException {
        writing.remove(recording.file());
        Files.deleteIfExists(recording.file());
    }

    /**
     * The report a spool file holds: its text, or the report made here from its recording.
     *
     * @throws IllegalArgumentException when the file is not a spooled report or recording
     */
    SpooledReport read(Path file) throws IOException {
        if (!isRecording(file)) {
            return SpoolFileFormat.read(BoundedText.read(file, MAX_REPORT_BYTES, "a spooled report"));
        }
        if (Files.size(file) > MAX_RECORDING_BYTES) {
            throw new IllegalArgumentException("larger than " + MAX_RECORDING_BYTES / (1024 * 1024)
                    + " MiB: not a spooled recording");
        }
        try (LineReader in = new LineReader(file, RecordingFileFormat.MAX_LINE_BYTES)) {
            String first = in.readLine();
            if (!first.equals(RecordingFileFormat.FIRST_LINE)) {
                throw new IllegalArgumentException("'" + first + "' is not the format this stealwatch reads ('"
                        + RecordingFileFormat.FIRST_LINE + "'): made by a newer version?");
            }
            SpooledRecording spooled = RecordingFileReader.read(in);
            return new SpooledReport(spooled.envelope(), spooled.spooledAt(),
                    new ReportFormatter(spooled.host(), spooled.source()).format(spooled.recording()));
        }
    }

    /** Whether the file starts as a recording does, of any version, rather than with a report's headers. */
    private static boolean isRecording(Path file) throws IOException {
        byte[] prefix = RecordingFileFormat.FIRST_LINE_PREFIX.getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(prefix.length), prefix);
        }
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

    /**
     * The file name of report number {@code sequence}: zero-padded by hand, as String.format would
     * load the Formatter, regular expressions and the locale data into the long-running watch.
     */
    static String name(long sequence) {
        String digits = Long.toString(sequence);
        return "0".repeat(Math.max(0, NAME_DIGITS - digits.length())) + digits + SUFFIX;
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
