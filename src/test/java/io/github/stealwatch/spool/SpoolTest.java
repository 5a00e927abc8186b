package io.github.stealwatch.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.stealwatch.disk.GrowingFile;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.report.Report;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.trace.Recording;
import io.github.stealwatch.time.SystemClock;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path temp;

    static final SpooledReport REPORT = new SpooledReport(new Envelope("stealwatch@web-7", "ops@example.org"),
            Instant.parse("2026-11-26T06:00:00Z"), new Report("Steal time jumped! on web-7", "time  stolen\n0ms   784\n"));

    @Test
    void aReportIsOneOwnerOnlyFileThatReadsBackWhole() throws Exception {
        Spool spool = new Spool(temp.resolve("spool"), 10, new SystemClock());

        Path file = spool.exclusively(() -> spool.add(REPORT));

        assertEquals(List.of(file), spool.waiting());
        assertEquals("000000000001.report", file.getFileName().toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.directory())));
        assertEquals(REPORT, spool.read(file));
        assertEquals("""
                From: stealwatch@web-7
                To: ops@example.org
                Subject: Steal time jumped! on web-7
                Spooled: 2026-11-26T06:00:00Z

                time  stolen
                0ms   784
                """, Files.readString(file));
    }

    @Test
    void aRecordingIsReportedFromItsFileByWhoeverReadsTheSpool() throws Exception {
        Spool spool = new Spool(temp, 10, new SystemClock());
        HostFacts host = new HostFacts("web-7", "4.9.30");
        Recording recording = RecordingFileFormatTest.jumpOnTwoCpus(true);
        GrowingFile growing = spool.startRecording(RecordingFileFormat.start(REPORT.envelope(), REPORT.spooledAt(),
                host, "/proc/stat, every 100 ms", recording));
        growing.finish(RecordingFileFormat.end(recording));

        Path file = spool.exclusively(() -> spool.add(growing));
        growing.close();

        assertEquals(List.of(file), spool.waiting());
        assertEquals(new SpooledReport(REPORT.envelope(), REPORT.spooledAt(),
                new ReportFormatter(host, "/proc/stat, every 100 ms").format(recording)), spool.read(file));
    }

    @Test
    void aRecordingInProgressWaitsUnderItsDotNameAndOneWhoseWriterIsGoneIsPutInPlace() throws Exception {
        Spool watch = new Spool(temp, 10, new SystemClock());
        Recording recording = RecordingFileFormatTest.jumpOnTwoCpus(false);
        String start = RecordingFileFormat.start(REPORT.envelope(), REPORT.spooledAt(), new HostFacts("h", "k"), "s",
                recording);
        GrowingFile inProgress = watch.startRecording(start);
        GrowingFile killed = watch.startRecording(start);
        killed.close(); // as a SIGKILL would: the lock goes, the file stays

        Spool flush = new Spool(temp, 10, new SystemClock());
        assertEquals(1, flush.abandonedRecordings().size());
        flush.exclusively(() -> null);
        assertEquals(List.of(), flush.abandonedRecordings());

        assertEquals(1, flush.waiting().size(), "the abandoned recording, not the one being written");
        assertTrue(Files.exists(inProgress.file()));
        assertFalse(flush.read(flush.waiting().get(0)).report().body().contains("Recorded: 4 samples\n"));
        assertTrue(flush.read(flush.waiting().get(0)).report().body().contains("cut short"));
        inProgress.close();
    }

    @Test
    void aRecordingOfANewerFormatOrFarTooLargeIsPassedOverAndNamed() throws Exception {
        Spool spool = new Spool(temp, 10, new SystemClock());
        Path newer = temp.resolve("000000000001.report");
        Files.writeString(newer, "stealwatch recording 2\nFrom: a\n");
        Path huge = temp.resolve("000000000002.report");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write(RecordingFileFormat.FIRST_LINE.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            file.setLength(Spool.MAX_RECORDING_BYTES + 1); // sparse: takes no disk
        }

        assertEquals("'stealwatch recording 2' is not the format this stealwatch reads ('stealwatch recording 1'): "
                + "made by a newer version?", assertThrows(IllegalArgumentException.class, () -> spool.read(newer))
                .getMessage());
        assertEquals("larger than 16 MiB: not a spooled recording",
                assertThrows(IllegalArgumentException.class, () -> spool.read(huge)).getMessage());
    }

    @Test
    void reportsComeOutOldestFirstAndNumberingGoesOnAfterADeletion() throws Exception {
        Spool spool = new Spool(temp, 10, new SystemClock());
        Path first = spool.exclusively(() -> spool.add(REPORT));
        Path second = spool.exclusively(() -> spool.add(REPORT));
        spool.exclusively(() -> {
            spool.remove(first);
            return null;
        });
        Path third = spool.exclusively(() -> spool.add(REPORT));

        assertEquals(List.of(second, third), spool.waiting());
        assertEquals("000000000003.report", third.getFileName().toString());
    }

    @Test
    void aFullSpoolDropsTheNewReportAndCountsIt() throws Exception {
        Spool spool = new Spool(temp, 2, new SystemClock());
        spool.exclusively(() -> spool.add(REPORT));
        spool.exclusively(() -> spool.add(REPORT));

        assertNull(spool.exclusively(() -> spool.add(REPORT)));
        assertNull(spool.exclusively(() -> spool.add(REPORT)));

        assertEquals(2, spool.waiting().size());
        assertEquals(2, spool.dropped());
        spool.forgetDropped(2);
        assertEquals(0, spool.dropped());
        assertEquals(List.of(".lock"), dotFiles());
    }

    @Test
    void aWriterKilledBeforeItsRenameLeavesNoReport() throws Exception {
        // What a kill -9 between writing and renaming leaves: a temporary file, half written.
        Files.writeString(temp.resolve(".tmp-0b6f7a4e"), "From: stealwatch@web-7\nTo: ro");
        Spool spool = new Spool(temp, 10, new SystemClock());

        assertEquals(List.of(), spool.waiting());
        spool.exclusively(() -> spool.add(REPORT));

        assertEquals(1, spool.waiting().size());
        assertEquals(List.of(".lock"), dotFiles(), "the next writer clears what the killed one left");
    }

    @Test
    void aFileThatIsNotAReportIsRefusedWithTheReason() throws Exception {
        Spool spool = new Spool(temp, 10, new SystemClock());
        Path file = temp.resolve("000000000001.report");
        Files.writeString(file, "From: a\nTo: b\nSpooled: 2026-11-26T06:00:00Z\n\nbody");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> spool.read(file));

        assertEquals("no Subject header", error.getMessage());
    }

    @Test
    void aReportOfTheLargestSizeReadsBackAndOneBytePastItIsRefusedNamingTheFile() throws Exception {
        Spool spool = new Spool(temp, 10, new SystemClock());
        String headers = SpoolFileFormat.write(REPORT).substring(0, SpoolFileFormat.write(REPORT).indexOf("\n\n") + 2);
        String body = "x".repeat(Spool.MAX_REPORT_BYTES - headers.length());
        Path largest = Files.writeString(temp.resolve("000000000001.report"), headers + body);
        Path tooLarge = Files.writeString(temp.resolve("000000000002.report"), headers + body + "x");

        assertEquals(body, spool.read(largest).report().body());
        IOException error = assertThrows(IOException.class, () -> spool.read(tooLarge));
        assertEquals(tooLarge + " is larger than 4194304 bytes: not a spooled report", error.getMessage());
    }

    private List<String> dotFiles() throws Exception {
        try (var files = Files.list(temp)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }
}
