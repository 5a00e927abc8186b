package io.github.stealwatch.spool;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.disk.GrowingFile;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.report.Report;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.trace.Recording;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands reports to a short-lived {@code stealwatch flush} process, the way a local MTA hands mail
 * to its delivery agent: the watch writes each recording to the spool as it grows, row by row, and
 * once it ends runs the flush, which turns it into a report, mails what waits there and exits,
 * saying on its standard output what it sent. So the report, diagnosis and mail code (jakarta.mail,
 * Angus, the JDK's TLS and networking) live only in that process for the second it runs, never in
 * the watch that runs for months. The spool is the hand-over: a watch killed at any moment leaves
 * the recording there for the next flush. When even the spool cannot take a recording, its report
 * is printed whole on standard error (the journal), the last place left. Blocking: call it off the
 * sampling thread.
 */
public final class DeliveryAgent implements Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAgent.class);

    /** Far beyond a flush's own timeouts (the spool's lock, the connection, each answer): only a hung one. */
    private static final Duration FLUSH_CAP = Duration.ofMinutes(15);

    /** A flush reads nothing: its standard input is empty, not the watch's. */
    private static final Path NO_INPUT = Path.of("/dev/null");

    /** A flush prints one line; anything longer is not a flush's summary. */
    private static final int MAX_OUTPUT = 64 * 1024;

    private final Spool spool;
    private final Envelope envelope;
    private final String destination;
    private final List<String> flushCommand;
    private final HostFacts host;
    private final String source;
    private final Clock clock;
    private final PrintWriter err;
    private final Outbox.Listener listener;
    private GrowingFile recording; // the one being written, or null

    /**
     * @param destination  where the reports go, for log lines: "root via localhost:25"
     * @param flushCommand the {@code stealwatch flush} to run, with this spool and SMTP server
     * @param host         the facts a recording's report gives
     * @param source       where the samples come from, for the report: "/proc/stat, every 100 ms"
     * @param err          where a report goes that even the spool cannot take
     */
    public DeliveryAgent(Spool spool, Envelope envelope, String destination, List<String> flushCommand,
            HostFacts host, String source, Clock clock, PrintWriter err, Outbox.Listener listener) {
        this.spool = spool;
        this.envelope = envelope;
        this.destination = destination;
        this.flushCommand = List.copyOf(flushCommand);
        this.host = host;
        this.source = source;
        this.clock = clock;
        this.err = err;
        this.listener = listener;
    }

    @Override
    public String destination() {
        return destination;
    }

    @Override
    public Outbox.Outcome deliver(Report report) {
        Path file;
        try {
            file = spool.exclusively(() -> spool.add(new SpooledReport(envelope, clock.wallTime(), report)));
        } catch (IOException e) {
            LOG.error("cannot put the report in the spool {}: {}; it follows on standard error", spool.directory(),
                    e.getMessage());
            return printOnStandardError(report);
        }
        return handedOver(file);
    }

    /** Starts writing a recording to the spool: its first two rows, and what its report says besides. */
    public void recordingStarted(Recording soFar) {
        try {
            recording = spool.startRecording(RecordingFileFormat.start(envelope, clock.wallTime(), host, source,
                    soFar));
        } catch (IOException e) {
            LOG.error("cannot write the recording to the spool {}: {}; its report will follow on standard error",
                    spool.directory(), e.getMessage());
        }
    }

    /** Appends a row to the recording being written. */
    public void recordingAdded(Sample row, List<Anomaly> anomalies) {
        if (recording == null) {
            return;
        }
        try {
            recording.append(RecordingFileFormat.row(row, anomalies));
        } catch (IOException e) {
            LOG.error("cannot write the recording {}: {}; its report will follow on standard error",
                    recording.file(), e.getMessage());
            discardRecording();
        }
    }

    /** Ends the recording, puts it in the spool and runs the flush that reports it. */
    public Outbox.Outcome recordingFinished(Recording finished) {
        if (recording == null) {
            return printOnStandardError(new ReportFormatter(host, source).format(finished));
        }
        GrowingFile whole = recording;
        recording = null;
        try {
            whole.finish(RecordingFileFormat.end(finished));
        } catch (IOException e) {
            LOG.error("cannot write the recording {}: {}; its report follows on standard error", whole.file(),
                    e.getMessage());
            recording = whole;
            discardRecording();
            return printOnStandardError(new ReportFormatter(host, source).format(finished));
        }
        Path file;
        try {
            file = spool.exclusively(() -> spool.add(whole));
        } catch (IOException e) {
            // Whole and on disk: once let go of, the next flush to take the spool puts it in place.
            LOG.error("cannot put the recording {} in place now: {}; the next flush will", whole.file(),
                    e.getMessage());
            spool.letGo(whole);
            file = whole.file();
        } finally {
            closeQuietly(whole);
        }
        return handedOver(file);
    }

    /** Runs the flush after a report or recording was spooled as {@code file} (null: dropped from a full spool). */
    private Outbox.Outcome handedOver(Path file) {
        try {
            flush(); // a full spool too, so that it drains and the next report finds room
        } catch (IOException e) {
            LOG.error("cannot read the spool {}: {}", spool.directory(), e.getMessage());
        }
        if (file == null) {
            return Outbox.droppedFromFullSpool(spool, listener);
        }
        if (Files.exists(file)) {
            LOG.warn("report kept in the spool as {}; it will be sent when {} accepts mail", file, destination());
            listener.outcome(Outbox.Outcome.SPOOLED);
            return Outbox.Outcome.SPOOLED;
        }
        LOG.info("report sent to {}", destination());
        return Outbox.Outcome.SENT;
    }

    private static void closeQuietly(GrowingFile file) {
        try {
            file.close();
        } catch (IOException e) {
            LOG.error("cannot close {}: {}", file.file(), e.getMessage());
        }
    }

    private void discardRecording() {
        try {
            recording.close();
            spool.discard(recording);
        } catch (IOException e) {
            LOG.error("cannot delete {}: {}", recording.file(), e.getMessage());
        }
        recording = null;
    }

    private Outbox.Outcome printOnStandardError(Report report) {
        listener.outcome(Outbox.Outcome.PRINTED_TO_STANDARD_ERROR);
        err.print(report.asText());
        err.println();
        err.flush();
        return Outbox.Outcome.PRINTED_TO_STANDARD_ERROR;
    }

    /** Runs the flush, if anything waits, and counts what it sent. */
    @Override
    public FlushResult flush() throws IOException {
        if (waiting() == 0) {
            return FlushResult.EMPTY;
        }
        Process process;
        try {
            process = new ProcessBuilder(flushCommand).redirectInput(Redirect.from(NO_INPUT.toFile()))
                    .redirectError(Redirect.INHERIT).start();
        } catch (IOException e) {
            LOG.error("cannot start {}: {}; the reports stay in the spool {}", flushCommand.get(0), e.getMessage(),
                    spool.directory());
            return new FlushResult(0, waiting(), 0);
        }
        FlushResult result = summaryOf(process);
        if (result == null) {
            return new FlushResult(0, waiting(), 0);
        }
        for (int i = 0; i < result.sent(); i++) {
            listener.outcome(Outbox.Outcome.SENT);
        }
        return result;
    }

    /** Reports and recordings in the spool, those a killed or blocked watch left under their dot-names too. */
    @Override
    public int waiting() throws IOException {
        return spool.waiting().size() + spool.abandonedRecordings().size();
    }

    /**
     * Waits for the flush and reads its summary; null, after logging why, when it has none. The
     * output is read after the process ends: one short line never fills the pipe.
     */
    private FlushResult summaryOf(Process process) throws IOException {
        try {
            if (!process.waitFor(FLUSH_CAP.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                LOG.error("the flush of {} did not end within {} min and was stopped; the reports stay there",
                        spool.directory(), FLUSH_CAP.toMinutes());
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the watch is stopping; the flush finishes on its own
            return null;
        }
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
        }
        FlushResult result = FlushResult.fromSummary(output);
        if (result == null) {
            LOG.error("the flush of {} failed (exit code {}); the reports stay there", spool.directory(),
                    process.exitValue());
        }
        return result;
    }
}
