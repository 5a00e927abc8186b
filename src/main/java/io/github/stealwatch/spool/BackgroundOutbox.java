package io.github.stealwatch.spool;

import io.github.stealwatch.report.Report;
import io.github.stealwatch.report.ReportSink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers reports on a thread of its own, so a slow or dead SMTP server never delays a sample,
 * and while reports wait in the spool retries them with a growing wait, for as long as it runs.
 */
public final class BackgroundOutbox implements ReportSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundOutbox.class);

    /** A guard against a sender that ignores its timeouts; SMTP's own end a send well before. */
    private static final Duration CLOSE_CAP = Duration.ofMinutes(10);

    private final Delivery outbox;
    private final RetryBackoff backoff;
    private final ScheduledThreadPoolExecutor worker;
    private final AtomicInteger pending = new AtomicInteger();
    private boolean retryScheduled; // only touched on the worker thread

    public BackgroundOutbox(Delivery outbox) {
        this(outbox, RetryBackoff.FIRST, RetryBackoff.CAP);
    }

    BackgroundOutbox(Delivery outbox, Duration firstRetry, Duration retryCap) {
        this.outbox = outbox;
        this.backoff = new RetryBackoff(firstRetry, retryCap);
        this.worker = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "stealwatch-mail");
            thread.setDaemon(true);
            return thread;
        });
        // On close, send what was handed over, but do not wait for retries that are not due.
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Sends what an earlier run left in the spool, soon, on the mail thread. */
    public void retrySpooledReports() {
        worker.execute(this::retryIfWaiting);
    }

    @Override
    public void deliver(Report report) {
        submit(() -> outbox.deliver(report));
    }

    /**
     * Runs {@code work} on the mail thread, after what was submitted before: a delivery, or a step
     * of one (a recording's next row), which returns null.
     */
    public void submit(Supplier<Outbox.Outcome> work) {
        pending.incrementAndGet();
        worker.execute(() -> {
            Outbox.Outcome outcome;
            try {
                outcome = work.get();
            } finally {
                pending.decrementAndGet();
            }
            if (outcome == Outbox.Outcome.SENT) {
                backoff.reset();
            }
            // A step of a recording (null) changes nothing that waits: no look at the spool for it.
            if (outcome != null) {
                scheduleRetryIfWaiting();
            }
        });
    }

    /** Reports handed over and not yet sent, spooled or given up on. */
    public int pending() {
        return pending.get();
    }

    /** Sends what is queued, then stops; spooled reports stay for the next run or {@code flush}. */
    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(CLOSE_CAP.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.error("gave up waiting for {} report(s) to be sent to {}", pending(), outbox.destination());
        }
    }

    private void retryIfWaiting() {
        retryScheduled = false;
        try {
            // flush() does nothing when nothing waits; what waits includes a recording a killed
            // watch left under its dot-name, which only a flush puts in place.
            if (outbox.flush().waiting() == 0) {
                backoff.reset();
                return;
            }
        } catch (IOException e) {
            LOG.error("cannot read the spool: {}", e.getMessage());
        }
        scheduleRetryIfWaiting();
    }

    private void scheduleRetryIfWaiting() {
        try {
            if (retryScheduled || outbox.waiting() == 0 || worker.isShutdown()) {
                return;
            }
        } catch (IOException e) {
            LOG.error("cannot read the spool: {}", e.getMessage());
        }
        Duration wait = backoff.next();
        LOG.info("will try the spooled reports again in {} s", wait.toSeconds());
        worker.schedule(this::retryIfWaiting, wait.toMillis(), TimeUnit.MILLISECONDS);
        retryScheduled = true;
    }
}
