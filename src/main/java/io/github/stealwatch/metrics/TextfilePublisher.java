package io.github.stealwatch.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the watch's metrics file fresh from a thread of its own, off the sampling path: once at
 * start, every interval (the heartbeat), soon after an anomaly, and once more when the watch stops.
 * A write that fails is a warning, not the end of the watch: its reports matter more.
 */
public final class TextfilePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TextfilePublisher.class);

    /** Long enough for a write on a slow disk; a file write never takes more. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Textfile textfile;
    private final Supplier<String> text;
    private final Duration interval;
    private final ScheduledThreadPoolExecutor writer;
    /** A write asked for by {@link #writeSoon()} and not begun: more requests add nothing. */
    private final AtomicBoolean writeRequested = new AtomicBoolean();
    private boolean failing; // guarded by this

    /** @param text the whole file as it should read now */
    public TextfilePublisher(Textfile textfile, Supplier<String> text, Duration interval) {
        this.textfile = textfile;
        this.text = text;
        this.interval = interval;
        this.writer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "stealwatch-metrics");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Writes the first file on the caller's thread, then every interval.
     *
     * @throws IOException when the first write fails: a wrong directory is the user's to fix now
     */
    public void start() throws IOException {
        textfile.write(text.get());
        writer.scheduleWithFixedDelay(this::write, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Asks for a write as soon as the writer thread can; safe from any thread, and cheap when one is waiting. */
    public void writeSoon() {
        if (writeRequested.compareAndSet(false, true)) {
            try {
                writer.execute(this::write);
            } catch (RejectedExecutionException closing) {
                writeRequested.set(false); // close() writes the last file itself
            }
        }
    }

    /** Stops the thread, then writes the last file, with everything counted until now; once. */
    @Override
    public void close() throws InterruptedException {
        if (writer.isShutdown()) {
            return;
        }
        writer.shutdown(); // a write under way finishes; the periodic one is cancelled
        if (!writer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("gave up waiting for a write of {}", textfile.file());
        }
        write();
    }

    private synchronized void write() {
        writeRequested.set(false);
        try {
            textfile.write(text.get());
            if (failing) {
                LOG.info("{} is written again", textfile.file());
                failing = false;
            }
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                LOG.warn("cannot write the metrics file {}: {}; will keep trying", textfile.file(), e.getMessage());
                failing = true;
            }
        }
    }
}
