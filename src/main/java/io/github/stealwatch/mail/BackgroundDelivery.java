package io.github.stealwatch.mail;

import io.github.stealwatch.report.Report;
import io.github.stealwatch.report.ReportSink;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends reports on a thread of its own, so a slow or dead SMTP server never delays a sample. A
 * report that cannot be sent is logged with the reason and printed to standard error, so it is
 * not lost.
 */
public final class BackgroundDelivery implements ReportSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundDelivery.class);

    private static final Duration CLOSE_CAP = Duration.ofMinutes(10);

    private final ReportSender sender;
    private final PrintWriter err;
    private final ExecutorService worker;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    public BackgroundDelivery(ReportSender sender, PrintWriter err) {
        this.sender = sender;
        this.err = err;
        this.worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "stealwatch-mail");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void deliver(Report report) {
        pending.incrementAndGet();
        worker.execute(() -> {
            try {
                send(report);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /** Reports handed over and not yet sent or given up on. */
    public int pending() {
        return pending.get();
    }

    /** Reports that could not be sent. */
    public int failed() {
        return failed.get();
    }

    /**
     * Sends what is queued, then stops the worker. Every SMTP step has its own timeout, so this
     * ends; the cap is only a guard against a sender that ignores them.
     */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(CLOSE_CAP.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.error("gave up waiting for {} report(s) to be sent to {}", pending(), sender.destination());
        }
    }

    private void send(Report report) {
        try {
            sender.send(report);
            LOG.info("report sent to {}", sender.destination());
        } catch (DeliveryException | RuntimeException e) {
            failed.incrementAndGet();
            LOG.error("could not send the report to {}: {}; it follows on standard error", sender.destination(),
                    e.getMessage());
            LOG.debug("delivery failure", e);
            err.print(report.asText());
            err.println();
            err.flush();
        }
    }
}
