package io.github.stealwatch.metrics;

import io.github.stealwatch.check.StealShare;
import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.watch.AnomalyListener;
import io.github.stealwatch.watch.LoopObserver;
import java.util.List;

/**
 * A run's counts as they happen (the watch's whole life, or one audit): told by the sampling loop,
 * the watchdog and the outbox, on their threads, and read by the metrics writer on its own. Every
 * method holds the lock for a few additions, so a healthy sample allocates nothing and never waits
 * for a file write.
 */
public final class LiveMetrics implements LoopObserver, AnomalyListener, Outbox.Listener {

    private final Clock clock;

    // All guarded by this.
    private long samples;
    private long readErrors;
    private long stalls;
    private long wentBack;
    private long jumped;
    private long sent;
    private long spooled;
    private long printed;
    private long dropped;
    private double lastAnomalySeconds;
    /** The aggregate line's steal and total at the last {@link #take}, and now. */
    private long intervalStartSteal;
    private long intervalStartTotal;
    private long latestSteal;
    private long latestTotal;
    private boolean intervalStarted;
    /** Told of an anomaly in the sample about to be counted: it joins the interval that sample ends. */
    private boolean anomalyInNextSample;
    private boolean anomalyInInterval;

    public LiveMetrics(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void sampled(StatSnapshot sample) {
        samples++;
        // The watchdog tells of a sample's anomaly before the loop counts the sample here, and a
        // take() may come in between: its interval ends before this sample and is sound.
        anomalyInInterval |= anomalyInNextSample;
        anomalyInNextSample = false;
        latestSteal = sample.aggregateSteal();
        latestTotal = sample.aggregateTotal();
        if (!intervalStarted) {
            intervalStartSteal = latestSteal;
            intervalStartTotal = latestTotal;
            intervalStarted = true;
        }
    }

    @Override
    public synchronized void readFailed() {
        readErrors++;
    }

    @Override
    public synchronized void stalled(long lateNanos) {
        stalls++;
    }

    /** A sample in which steal misbehaved: counted once for each kind of anomaly in it. */
    @Override
    public void anomalous(Sample sample, List<Anomaly> anomalies) {
        boolean anyWentBack = false;
        boolean anyJumped = false;
        for (Anomaly anomaly : anomalies) {
            anyWentBack |= anomaly instanceof StealWentBack;
            anyJumped |= anomaly instanceof StealJumped;
        }
        double now = Seconds.of(clock.wallTime());
        synchronized (this) {
            wentBack += anyWentBack ? 1 : 0;
            jumped += anyJumped ? 1 : 0;
            lastAnomalySeconds = now;
            anomalyInNextSample = true;
        }
    }

    @Override
    public synchronized void outcome(Outbox.Outcome outcome) {
        switch (outcome) {
            case SENT -> sent++;
            case SPOOLED -> spooled++;
            case PRINTED, PRINTED_TO_STANDARD_ERROR -> printed++;
            case DROPPED -> dropped++;
        }
    }

    /** What this run counted so far. */
    public synchronized Counts counts() {
        return new Counts(samples, readErrors, stalls, wentBack, jumped, sent, spooled, printed, dropped);
    }

    /** When this run last saw a steal counter misbehave, in Unix seconds; 0 if it has not. */
    public synchronized double lastAnomalySeconds() {
        return lastAnomalySeconds;
    }

    /**
     * The readings now, with the steal ratio over the interval since the last call (NaN if a steal
     * counter misbehaved in it, or no CPU time passed); the next interval starts here.
     */
    public synchronized Readings take(double spoolReports) {
        double ratio = Double.NaN;
        if (intervalStarted && !anomalyInInterval) {
            ratio = new StealShare(latestSteal - intervalStartSteal, latestTotal - intervalStartTotal).percent() / 100;
        }
        intervalStartSteal = latestSteal;
        intervalStartTotal = latestTotal;
        anomalyInInterval = false;
        return new Readings(counts(), lastAnomalySeconds, ratio, spoolReports);
    }
}
