package io.github.stealwatch.spool;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;
import static io.github.stealwatch.source.TestSamples.withCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.disk.LineReader;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.source.Fact;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.Machines;
import io.github.stealwatch.source.MachineFacts;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.trace.LeadUp;
import io.github.stealwatch.trace.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingFileFormatTest {

    private static final Envelope ENVELOPE = new Envelope("stealwatch@web-7", "ops@example.org");
    private static final Instant SPOOLED = Instant.parse("2026-12-03T06:00:00Z");

    @TempDir
    Path temp;

    @Test
    void aRecordingReadsBackAsItWasWithItsFactsAndWhereEachWasRead() throws Exception {
        SpooledRecording spooled = new SpooledRecording(ENVELOPE, SPOOLED, Machines.hostFacts("xen-pv"),
                "/proc/stat, every 100 ms", jumpOnTwoCpus(true));

        assertEquals(spooled, readBack(written(spooled)));
    }

    @Test
    void everyKindOfAnomalyLeadUpAndEndReadsBack() throws Exception {
        List<Sample> rows = List.of(aggregateOnly(0, 500), aggregateOnly(97, 400), aggregateOnly(2300, 1L << 63));
        List<List<Anomaly>> anomalies = List.of(List.of(), List.of(new StealWentBack("cpu", 500, 400)),
                List.of(new StealJumped("cpu", 400, 1L << 63, 2203_000_000L, 4, 100_000, new MaxDelta.Ticks(100_000))));
        LeadUp leadUp = new LeadUp(new LeadUp.Stall(2_000_000_000L, 100_000_000L, 3_000_000L),
                new LeadUp.CpuOnline("cpu3", 5_000_000_000L), 10_000_000_000L);
        for (Recording recording : List.of(
                new Recording(rows, anomalies, true, 7, leadUp, false),
                new Recording(rows, anomalies, true, 0, LeadUp.NONE, true),
                new Recording(rows, anomalies, false, 0, leadUp, false))) {
            SpooledRecording spooled = new SpooledRecording(ENVELOPE, SPOOLED, new HostFacts("web-7", "4.9.30"),
                    "trace /tmp/a b.trace", recording);
            assertEquals(spooled, readBack(written(spooled)));
        }
    }

    @Test
    void factsThatHoldLineEndsOrBackslashesCannotBreakTheFormat() throws Exception {
        Fact odd = new Fact("Vendor\\Inc\nInjected: header", "/sys/class/dmi/id/sys_vendor\r");
        MachineFacts machine = new MachineFacts(odd, odd, odd, odd, odd, odd, odd);
        SpooledRecording spooled = new SpooledRecording(ENVELOPE, SPOOLED,
                new HostFacts("web\n7", "4.9", "/proc/sys/kernel/osrelease", machine), "src\\", jumpOnTwoCpus(true));

        String text = written(spooled);

        assertFalse(text.contains("\nInjected"), text);
        assertEquals(spooled, readBack(text));
    }

    @Test
    void aFileWithoutItsEndLineIsARecordingCutShortByAKill() throws Exception {
        Recording full = jumpOnTwoCpus(true);
        String text = written(new SpooledRecording(ENVELOPE, SPOOLED, new HostFacts("h", "k"), "s", full));
        String killed = text.substring(0, text.indexOf("end "));

        Recording read = readBack(killed).recording();

        assertFalse(read.complete());
        assertEquals(full.rows(), read.rows());
        assertEquals(full.anomalies(), read.anomalies());
    }

    @Test
    void aLastLineTornByAFailedWriteLosesOnlyItsRow() throws Exception {
        Recording full = jumpOnTwoCpus(true);
        String text = written(new SpooledRecording(ENVELOPE, SPOOLED, new HostFacts("h", "k"), "s", full));
        String torn = text.substring(0, text.indexOf("end ")) + "sample 400000000\ncpu  12 x";

        Recording read = readBack(torn).recording();

        assertEquals(full.rows(), read.rows());
        assertFalse(read.complete());
    }

    @Test
    void aGarbledLineIsNamedWithItsNumber() throws Exception {
        String text = written(new SpooledRecording(ENVELOPE, SPOOLED, new HostFacts("h", "k"), "s", jumpOnTwoCpus(true)))
                .replace("jumped cpu ", "jumped? cpu ");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> readBack(text));

        assertTrue(e.getMessage().matches("line \\d+: not a cpu line nor an anomaly: 'jumped\\? cpu .*"), e.getMessage());
    }

    @Test
    void aFileWithoutItsHeadersIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> readBack(RecordingFileFormat.FIRST_LINE + "\nFrom: a\n\nsample 0\ncpu  1 2 3 4 5 6 7 8\n"
                        + "sample 1\ncpu  1 2 3 4 5 6 7 9\n"));

        assertTrue(e.getMessage().startsWith("no "), e.getMessage());
    }

    /** The article's jump on cpu0 of two, with two rows after the trigger. */
    static Recording jumpOnTwoCpus(boolean complete) {
        long jump = 1844670130367L;
        List<Sample> rows = List.of(withCpus(0, 100, 100), withCpus(100, 100 + jump, 100),
                withCpus(200, 101 + jump, 100), withCpus(300, 102 + jump, 101));
        StealJumped onAggregate = new StealJumped("cpu", 200, 200 + jump, 100_000_000L, 2, 12024,
                MaxDelta.Auto.withDefaultAllowance());
        StealJumped onCpu0 = new StealJumped("cpu0", 100, 100 + jump, 100_000_000L, 1, 6012,
                MaxDelta.Auto.withDefaultAllowance());
        return new Recording(rows, List.of(List.of(), List.of(onAggregate, onCpu0), List.of(), List.of()), complete,
                0, new LeadUp(null, null, 100_000_000L), false);
    }

    private static String written(SpooledRecording spooled) {
        Recording recording = spooled.recording();
        StringBuilder text = new StringBuilder(RecordingFileFormat.start(spooled.envelope(), spooled.spooledAt(),
                spooled.host(), spooled.source(), new Recording(recording.rows().subList(0, 2),
                        recording.anomalies().subList(0, 2), false, recording.suppressedSamples(), recording.leadUp())));
        for (int i = 2; i < recording.rows().size(); i++) {
            text.append(RecordingFileFormat.row(recording.rows().get(i), recording.anomalies().get(i)));
        }
        return text.append(RecordingFileFormat.end(recording)).toString();
    }

    private SpooledRecording readBack(String text) throws IOException {
        Path file = temp.resolve("000000000001.report");
        Files.writeString(file, text);
        try (LineReader in = new LineReader(file, RecordingFileFormat.MAX_LINE_BYTES)) {
            assertEquals(RecordingFileFormat.FIRST_LINE, in.readLine());
            return RecordingFileReader.read(in);
        }
    }
}
