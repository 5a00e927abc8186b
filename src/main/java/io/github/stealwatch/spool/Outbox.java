package io.github.stealwatch.spool;

import io.github.stealwatch.mail.DeliveryException;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.ReportSender;
import io.github.stealwatch.report.Report;
import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers reports from this process so that none is lost: what the mail server does not accept
 * now waits in the spool, oldest first, and is sent before anything newer. A report is deleted
 * from the spool only after the server accepted it. If even the spool cannot take a report, it is
 * printed whole on standard error, the last place left. Blocking: call it off the sampling thread.
 */
public final class Outbox implements Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /**
     * What became of one report: sent to the mail server, kept in the spool, dropped from a full
     * spool, printed on standard output as {@code --mail-to -} asks, or printed on standard error
     * because even the spool could not take it.
     */
    public enum Outcome { SENT, SPOOLED, DROPPED, PRINTED, PRINTED_TO_STANDARD_ERROR }

    /** Told of every report's outcome, spooled reports' later sending included (for the metrics). */
    public interface Listener {

        Listener NONE = outcome -> { };

        void outcome(Outcome outcome);
    }

    private final ReportSender sender;
    private final Spool spool;
    private final Clock clock;
    private final PrintWriter err;
    private final Listener listener;

    /** @param spool where undeliverable reports wait; null for a sender that cannot fail for a while */
    public Outbox(ReportSender sender, Spool spool, Clock clock, PrintWriter err) {
        this(sender, spool, clock, err, Listener.NONE);
    }

    public Outbox(ReportSender sender, Spool spool, Clock clock, PrintWriter err, Listener listener) {
        this.sender = sender;
        this.spool = sender.canFailForAWhile() ? spool : null;
        this.clock = clock;
        this.err = err;
        this.listener = listener;
    }

    @Override
    public String destination() {
        return sender.destination();
    }

    @Override
    public Outcome deliver(Report report) {
        if (spool == null) {
            return sendOrPrint(report);
        }
        try {
            if (!Files.isDirectory(spool.directory())) {
                // Nothing can be waiting: send without creating a spool the mail may never need
                // (and that a user without write access to its parent could not create).
                if (trySend(report)) {
                    return Outcome.SENT;
                }
                return spool.exclusively(() -> addToSpool(report));
            }
            return spool.exclusively(() -> {
                FlushResult before = flushHoldingLock();
                if (before.onlyPassedOverWait() && trySend(report)) {
                    return Outcome.SENT;
                }
                return addToSpool(report);
            });
        } catch (IOException e) {
            LOG.error("cannot use the spool {}: {}; the report follows on standard error", spool.directory(),
                    e.getMessage());
            print(report);
            return Outcome.PRINTED_TO_STANDARD_ERROR;
        }
    }

    @Override
    public FlushResult flush() throws IOException {
        if (spool == null || Files.notExists(spool.directory())) {
            return FlushResult.EMPTY; // nothing was ever spooled: do not create the directory to say so
        }
        return spool.exclusively(this::flushHoldingLock);
    }

    @Override
    public int waiting() throws IOException {
        return spool == null ? 0 : spool.waiting().size();
    }

    /** Sends a new report; false, after logging why, when the server did not take it. */
    private boolean trySend(Report report) throws IOException {
        try {
            send(report, sender.envelope(), null);
            LOG.info("report sent to {}", sender.destination());
            return true;
        } catch (DeliveryException e) {
            LOG.error("could not send the report to {}: {}", sender.destination(), e.getMessage());
            LOG.debug("delivery failure", e);
            return false;
        }
    }

    /**
     * Sends the spooled reports oldest first. A server that cannot be reached stops the flush: the
     * rest wait behind the oldest. A report the server refuses, or a file that cannot be read, is
     * passed over and stays: it must not hold back every report after it.
     */
    private FlushResult flushHoldingLock() throws IOException {
        List<Path> waiting = spool.waiting();
        int sent = 0;
        int passedOver = 0;
        for (Path file : waiting) {
            SpooledReport spooled;
            try {
                spooled = spool.read(file);
            } catch (IllegalArgumentException | IOException e) {
                LOG.error("cannot read the spooled report {}: {}; left where it is", file, e.getMessage());
                passedOver++;
                continue;
            }
            try {
                send(spooled.report(), spooled.envelope(), file);
                sent++;
            } catch (DeliveryException e) {
                if (!e.refusedByServer()) {
                    LOG.warn("could not send the spooled report {} to {}: {}", file, spooled.envelope().to(),
                            e.getMessage());
                    break;
                }
                LOG.error("the server refused the spooled report {} to {}: {}; it stays in the spool, and the "
                        + "reports after it go on", file, spooled.envelope().to(), e.getMessage());
                passedOver++;
            }
        }
        int left = waiting.size() - sent;
        if (sent > 0) {
            LOG.info("sent {} spooled report(s); {} still waiting in {}", sent, left, spool.directory());
        }
        return new FlushResult(sent, left, passedOver);
    }

    /**
     * Sends one report, with a note of the reports dropped from a full spool; once the server has
     * accepted it, forgets the drops and deletes the report's spool file, if it has one.
     */
    private void send(Report report, Envelope envelope, Path spoolFile)
            throws DeliveryException, IOException {
        long dropped = spool.dropped();
        sender.send(dropped == 0 ? report : withDropNote(report, dropped), envelope);
        listener.outcome(Outcome.SENT);
        if (spoolFile != null) {
            spool.remove(spoolFile);
        }
        if (dropped > 0) {
            spool.forgetDropped(dropped);
        }
    }

    private Report withDropNote(Report report, long dropped) {
        return new Report(report.subject(), report.body() + "\nDropped:  " + dropped
                + " other report(s) were dropped because the spool " + spool.directory() + " was full (--spool-max "
                + spool.maxReports() + ")\n");
    }

    private Outcome addToSpool(Report report) throws IOException {
        Path file = spool.add(new SpooledReport(sender.envelope(), clock.wallTime(), report));
        if (file == null) {
            return droppedFromFullSpool(spool, listener);
        }
        LOG.warn("report kept in the spool as {}; it will be sent when {} accepts mail", file,
                sender.destination());
        listener.outcome(Outcome.SPOOLED);
        return Outcome.SPOOLED;
    }

    /** Says that {@code spool} was full, so a report was dropped; the next one delivered says so too. */
    static Outcome droppedFromFullSpool(Spool spool, Listener listener) {
        LOG.warn("the spool {} is full ({} reports): dropped this report; the next one delivered will say so",
                spool.directory(), spool.maxReports());
        listener.outcome(Outcome.DROPPED);
        return Outcome.DROPPED;
    }

    private Outcome sendOrPrint(Report report) {
        try {
            sender.send(report);
            Outcome outcome = sender.canFailForAWhile() ? Outcome.SENT : Outcome.PRINTED;
            listener.outcome(outcome);
            return outcome;
        } catch (DeliveryException e) {
            LOG.error("could not send the report to {}: {}; it follows on standard error", sender.destination(),
                    e.getMessage());
            print(report);
            return Outcome.PRINTED_TO_STANDARD_ERROR;
        }
    }

    private void print(Report report) {
        listener.outcome(Outcome.PRINTED_TO_STANDARD_ERROR);
        err.print(report.asText());
        err.println();
        err.flush();
    }
}
