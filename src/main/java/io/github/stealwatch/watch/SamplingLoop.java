package io.github.stealwatch.watch;

import io.github.stealwatch.source.AlternatingSnapshots;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads /proc/stat at a fixed rate on the monotonic clock: sample k is due at start + k × interval,
 * so lateness never accumulates. A sample that comes more than an interval late (the VM was
 * paused, the host overloaded) is noted and the missed slots are skipped, not made up in a burst;
 * its real time is what the detector uses, so a stretched interval is never taken for an anomaly.
 */
public final class SamplingLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SamplingLoop.class);

    private final ProcStatReader reader;
    private final Clock clock;
    private final long intervalNanos;
    private final SampleSink sink;
    private final LoopObserver observer;
    private final AlternatingSnapshots snapshots = new AlternatingSnapshots();
    private final Cadence cadence;

    private long startNanos;
    private long slot;
    private boolean failing;
    private volatile boolean stopRequested;
    private Thread runner; // guarded by this

    public SamplingLoop(ProcStatReader reader, Clock clock, long intervalNanos, SampleSink sink) {
        this(reader, clock, intervalNanos, sink, LoopObserver.NONE);
    }

    public SamplingLoop(ProcStatReader reader, Clock clock, long intervalNanos, SampleSink sink,
                        LoopObserver observer) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.reader = reader;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.sink = sink;
        this.observer = observer;
        this.cadence = new Cadence(intervalNanos);
    }

    /** Takes the first sample; a file that cannot be read or parsed now is an error for the caller. */
    public void start() throws IOException, StatFormatException {
        try {
            reader.readInto(snapshots.spare());
        } catch (IOException | StatFormatException e) {
            observer.readFailed();
            throw e;
        }
        StatSnapshot first = snapshots.filled();
        begin(first);
        cadence.sampled(first.monotonicNanos());
    }

    /** Starts from a sample the caller already read (audit reads one for its baseline first). */
    public void startWith(Sample first) throws IOException {
        snapshots.spare().set(first);
        begin(snapshots.filled());
    }

    /** Samples until {@link #stop()} is called or {@code finished} says so, checked after each sample. */
    public void run(BooleanSupplier finished) throws IOException {
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            while (!stopRequested && !finished.getAsBoolean()) {
                clock.sleepUntil(nextDue());
                if (!stopRequested) {
                    tick();
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupted the sleep: return, and let the caller send what it has.
        } finally {
            // Under the lock stop() interrupts with, so no interrupt meant for the sleep can reach
            // the caller afterwards, while it waits for the last report to be sent.
            synchronized (this) {
                runner = null;
                Thread.interrupted();
            }
        }
    }

    /** How far the time between samples strayed from the interval so far. */
    public Cadence cadence() {
        return cadence;
    }

    /** Makes {@link #run} return soon, without waiting for the next sample; safe from any thread. */
    public void stop() {
        stopRequested = true;
        synchronized (this) {
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    /** When the next sample is due: the next slot, skipping those already missed. */
    long nextDue() {
        slot++;
        long now = clock.monotonicNanos();
        long due = startNanos + slot * intervalNanos;
        if (now - due > intervalNanos) {
            long skipTo = (now - startNanos) / intervalNanos + 1;
            LOG.info("sampling fell {} ms behind (VM paused or overloaded?); skipping {} missed samples",
                    TimeUnit.NANOSECONDS.toMillis(now - due), skipTo - slot);
            observer.stalled(now - due);
            slot = skipTo;
            due = startNanos + slot * intervalNanos;
        }
        return due;
    }

    /** Takes one sample and hands it on; a read that fails is logged and sampling goes on. */
    void tick() throws IOException {
        try {
            reader.readInto(snapshots.spare());
        } catch (IOException | StatFormatException e) {
            if (!failing && !stopRequested) {
                LOG.warn("cannot read {}: {}; will keep trying", reader.statFile(),
                        e instanceof NoSuchFileException ? "no such file" : e.getMessage());
            }
            failing = true;
            observer.readFailed();
            cadence.restart(); // the next interval spans the failed read: not a measure of timing
            return;
        }
        if (failing) {
            LOG.info("{} reads again", reader.statFile());
            failing = false;
        }
        StatSnapshot sample = snapshots.filled();
        cadence.sampled(sample.monotonicNanos());
        sink.accept(sample);
        observer.sampled(sample);
    }

    private void begin(StatSnapshot first) throws IOException {
        startNanos = clock.monotonicNanos();
        slot = 0;
        cadence.restart();
        sink.accept(first);
        observer.sampled(first);
    }
}
