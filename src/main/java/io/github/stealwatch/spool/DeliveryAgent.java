package io.github.stealwatch.spool;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.report.Report;
import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands reports to a short-lived {@code stealwatch flush} process, the way a local MTA hands mail
 * to its delivery agent: each report is first written to the spool, then the flush mails what
 * waits there and exits, saying on its standard output what it sent. The mail code (jakarta.mail,
 * Angus, the JDK's TLS and networking) so lives only in that process for the second it runs, never
 * in the watch that runs for months (README.md, "Memory"). The spool is the hand-over: a watch
 * killed at any moment leaves the report there for the next flush. When the report cannot be
 * spooled or no process started, this process mails it itself.
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
    private final Supplier<Outbox> inProcessOutbox;
    private final Clock clock;
    private final Outbox.Listener listener;
    private Outbox inProcess; // made when first needed: it loads the mail code

    /**
     * @param destination  where the reports go, for log lines: "root via localhost:25"
     * @param flushCommand the {@code stealwatch flush} to run, with this spool and SMTP server
     * @param inProcess    makes an outbox that mails from this process, for when the hand-over
     *                     cannot be made
     */
    public DeliveryAgent(Spool spool, Envelope envelope, String destination, List<String> flushCommand,
            Supplier<Outbox> inProcess, Clock clock, Outbox.Listener listener) {
        this.spool = spool;
        this.envelope = envelope;
        this.destination = destination;
        this.flushCommand = List.copyOf(flushCommand);
        this.inProcessOutbox = inProcess;
        this.clock = clock;
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
            LOG.warn("cannot put the report in the spool {}: {}; mailing it from this process", spool.directory(),
                    e.getMessage());
            return inProcess().deliver(report);
        }
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

    /** Runs the flush, if anything waits, and counts what it sent. */
    @Override
    public FlushResult flush() throws IOException {
        if (spool.waiting().isEmpty()) {
            return FlushResult.EMPTY;
        }
        Process process;
        try {
            process = new ProcessBuilder(flushCommand).redirectInput(Redirect.from(NO_INPUT.toFile()))
                    .redirectError(Redirect.INHERIT).start();
        } catch (IOException e) {
            LOG.warn("cannot start {}: {}; mailing from this process", flushCommand.get(0), e.getMessage());
            return inProcess().flush();
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

    @Override
    public int waiting() throws IOException {
        return spool.waiting().size();
    }

    private synchronized Outbox inProcess() {
        if (inProcess == null) {
            inProcess = inProcessOutbox.get();
        }
        return inProcess;
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
