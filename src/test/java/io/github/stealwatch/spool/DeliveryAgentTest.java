package io.github.stealwatch.spool;

import static io.github.stealwatch.source.TestSamples.withCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.LateSmtpServer;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.report.Report;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.Machines;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.trace.Recording;
import io.github.stealwatch.trace.RecordingSink;
import io.github.stealwatch.watch.Watchdog;
import io.github.stealwatch.time.SystemClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch's hand-over to a real {@code stealwatch flush} process (this build's classes, run by
 * this JVM's java) that mails through a real SMTP server, down and then up.
 */
class DeliveryAgentTest {

    private static final Envelope ENVELOPE = new Envelope("stealwatch@test", "ops@example.org");
    private static final HostFacts HOST = Machines.hostFacts("xen-pv");
    private static final String SOURCE = "/proc/stat, every 100 ms";

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();
    private final List<Outbox.Outcome> outcomes = new ArrayList<>();
    private LateSmtpServer server;
    private Path spoolDir;

    @BeforeEach
    void aServerThatIsDownForNow() throws Exception {
        server = new LateSmtpServer();
        spoolDir = temp.resolve("spool");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theFlushProcessMailsTheReportAndEmptiesTheSpool() throws Exception {
        server.start();
        DeliveryAgent agent = agent(flushCommand(server.port()));

        assertEquals(Outbox.Outcome.SENT, agent.deliver(report("steal jumped")));

        assertEquals(1, server.received().length);
        assertEquals("steal jumped", server.received()[0].getSubject());
        assertEquals(0, agent.waiting());
        assertEquals(List.of(Outbox.Outcome.SENT), outcomes, "the metrics count what the flush sent");
        assertEquals("", err.toString());
    }

    @Test
    void aServerThatIsDownLeavesTheReportInTheSpoolUntilAFlushFindsItUp() throws Exception {
        DeliveryAgent agent = agent(flushCommand(server.port()));

        assertEquals(Outbox.Outcome.SPOOLED, agent.deliver(report("first")));
        assertEquals(1, agent.waiting());
        assertEquals(List.of(Outbox.Outcome.SPOOLED), outcomes);

        server.start();
        assertEquals(new FlushResult(1, 0, 0), agent.flush());
        assertEquals(FlushResult.EMPTY, agent.flush(), "nothing waits: no process is started");
        assertEquals(1, server.received().length);
        assertEquals(List.of(Outbox.Outcome.SPOOLED, Outbox.Outcome.SENT), outcomes);
    }

    @Test
    void aFullSpoolDropsTheNewReportAndItsFlushMakesRoomSayingSo() throws Exception {
        DeliveryAgent agent = agent(flushCommand(server.port()), 1);
        assertEquals(Outbox.Outcome.SPOOLED, agent.deliver(report("first")));
        server.start();

        assertEquals(Outbox.Outcome.DROPPED, agent.deliver(report("second")));

        assertEquals(0, agent.waiting(), "the flush sent the waiting report");
        assertEquals("first", server.received()[0].getSubject());
        assertTrue(GreenMailUtil.getBody(server.received()[0]).contains("Dropped:  1 other report(s) were dropped"),
                GreenMailUtil.getBody(server.received()[0]));
    }

    @Test
    void aFlushThatFailsLeavesTheReportWhereItIs() throws Exception {
        server.start();
        List<String> broken = new ArrayList<>(flushCommand(server.port()));
        broken.add("--no-such-option");

        DeliveryAgent agent = agent(broken);

        assertEquals(Outbox.Outcome.SPOOLED, agent.deliver(report("first")));
        assertEquals(1, agent.waiting());
        assertEquals(0, server.received().length);
    }

    @Test
    void whenNoProcessCanBeStartedTheReportWaitsInTheSpool() throws Exception {
        server.start();
        DeliveryAgent agent = agent(List.of(temp.resolve("no-java").toString(), "flush"));

        assertEquals(Outbox.Outcome.SPOOLED, agent.deliver(report("first")));

        assertEquals(0, server.received().length);
        assertEquals(1, agent.waiting(), "the next flush, or the next watch's, sends it");
    }

    @Test
    void whenTheSpoolCannotBeWrittenTheReportGoesToStandardError() throws Exception {
        server.start();
        Files.writeString(temp.resolve("file"), "not a directory");
        spoolDir = temp.resolve("file").resolve("spool");
        DeliveryAgent agent = agent(flushCommand(server.port()));

        assertEquals(Outbox.Outcome.PRINTED_TO_STANDARD_ERROR, agent.deliver(report("first")));

        assertTrue(err.toString().startsWith("Subject: first\n\nbody of first"), err.toString());
        assertTrue(Files.isRegularFile(temp.resolve("file")));
    }

    @Test
    void aRecordingIsWrittenAsItGrowsAndTheFlushMailsItsReport() throws Exception {
        server.start();
        DeliveryAgent agent = agent(flushCommand(server.port()));
        Recording recording = jump();

        recordAllRows(agent, recording);
        assertEquals(0, agent.waiting(), "in progress: under a dot-name, not yet for the flush");
        assertEquals(Outbox.Outcome.SENT, agent.recordingFinished(recording));

        assertEquals(1, server.received().length);
        Report expected = new ReportFormatter(HOST, SOURCE).format(recording);
        assertEquals(expected.subject(), server.received()[0].getSubject());
        assertEquals(expected.body().strip(), ((String) server.received()[0].getContent()).replace("\r\n", "\n").strip(),
                "the flush made the report the watch would have made");
        assertEquals(0, agent.waiting());
        try (var files = Files.list(spoolDir)) {
            assertEquals(List.of(".lock"), files.map(file -> file.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aRecordingTheSpoolCannotTakeIsPrintedOnStandardErrorWhenItEnds() throws Exception {
        Files.writeString(temp.resolve("file"), "not a directory");
        spoolDir = temp.resolve("file").resolve("spool");
        DeliveryAgent agent = agent(flushCommand(server.port()));
        Recording recording = jump();

        agent.recordingStarted(firstTwoRows(recording));
        agent.recordingAdded(recording.rows().get(2), recording.anomalies().get(2));
        assertEquals(Outbox.Outcome.PRINTED_TO_STANDARD_ERROR, agent.recordingFinished(recording));

        assertTrue(err.toString().contains(new ReportFormatter(HOST, SOURCE).format(recording).asText()), err.toString());
    }

    @Test
    void aWholeRecordingTheWatchCannotPutInPlaceIsLeftForTheNextFlush() throws Exception {
        server.start();
        DeliveryAgent agent = agent(flushCommand(server.port()));
        Recording recording = jump();
        recordAllRows(agent, recording);
        Files.createDirectories(spoolDir.resolve(".lock")); // the spool's lock cannot be taken

        assertEquals(Outbox.Outcome.SPOOLED, agent.recordingFinished(recording));
        assertEquals(1, agent.waiting(), "the recording, whole, under its dot-name");
        assertEquals(0, server.received().length);

        Files.delete(spoolDir.resolve(".lock"));
        assertEquals(new FlushResult(1, 0, 0), agent.flush());
        assertEquals(new ReportFormatter(HOST, SOURCE).format(recording).subject(),
                server.received()[0].getSubject());
        assertTrue(((String) server.received()[0].getContent()).contains("Recorded: 4 samples\r\n"),
                "complete, not cut short");
    }

    /** The article's jump on one of two CPUs, and two rows after it. */
    private static Recording jump() {
        Watchdog watchdog = new Watchdog(new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 2), new Recorder(3), 0,
                new RecordingSink() {
                    @Override
                    public void finished(Recording recording) {
                        finished.add(recording);
                    }
                });
        finished.clear();
        watchdog.accept(withCpus(0, 100, 100));
        watchdog.accept(withCpus(100, 100 + 1844670130367L, 100));
        watchdog.accept(withCpus(200, 101 + 1844670130367L, 100));
        watchdog.accept(withCpus(300, 102 + 1844670130367L, 101));
        return finished.get(0);
    }

    private static final List<Recording> finished = new ArrayList<>();

    /** What the watch's mail thread does while the recording grows: its start, then each row. */
    private static void recordAllRows(DeliveryAgent agent, Recording recording) {
        agent.recordingStarted(firstTwoRows(recording));
        for (int i = 2; i < recording.rows().size(); i++) {
            agent.recordingAdded(recording.rows().get(i), recording.anomalies().get(i));
        }
    }

    private static Recording firstTwoRows(Recording recording) {
        return new Recording(recording.rows().subList(0, 2), recording.anomalies().subList(0, 2), false,
                recording.suppressedSamples(), recording.leadUp());
    }

    private DeliveryAgent agent(List<String> flushCommand) {
        return agent(flushCommand, 10);
    }

    private DeliveryAgent agent(List<String> flushCommand, int spoolMax) {
        Spool spool = new Spool(spoolDir, spoolMax, new SystemClock());
        return new DeliveryAgent(spool, ENVELOPE, "ops@example.org via test", flushCommand, HOST, SOURCE,
                new SystemClock(), new PrintWriter(err, true), outcomes::add);
    }

    /** {@code stealwatch flush} from this build's classes, as the watch would run it. */
    private List<String> flushCommand(int port) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.github.stealwatch.Main", "-q",
                "flush", "--spool-dir", spoolDir.toString(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(port));
    }

    private static Report report(String subject) {
        return new Report(subject, "body of " + subject + "\n");
    }
}
