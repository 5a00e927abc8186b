package io.github.stealwatch.check;

import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.watch.AnomalyListener;
import io.github.stealwatch.watch.LoopObserver;
import io.github.stealwatch.watch.SamplingLoop;
import io.github.stealwatch.watch.Watchdog;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Samples /proc/stat for a fixed time through a watchdog, as check and audit's live window do,
 * and keeps what a verdict and a report need: the first rows, the last sample, every anomaly.
 */
public final class WindowRun {

    /**
     * @param rows    the first samples of the window, for a report's table
     * @param last    the window's last sample
     * @param verdict the window's verdict
     */
    public record Result(List<Sample> rows, Sample last, Verdict verdict) {
    }

    private final Clock clock;
    private final long lengthNanos;
    private final int rowsKept;
    private final CheckWindow window;
    private final SamplingLoop loop;
    private final List<Sample> rows = new ArrayList<>();
    private Watchdog watchdog;
    private StatSnapshot last;

    /** @param rowsKept how many of the first samples to keep for a table */
    public WindowRun(ProcStatReader reader, Clock clock, long intervalNanos, long lengthNanos,
                     Thresholds thresholds, int rowsKept) {
        this(reader, clock, intervalNanos, lengthNanos, thresholds, rowsKept, LoopObserver.NONE);
    }

    /** @param observer told what the sampling loop does (audit's metrics) */
    public WindowRun(ProcStatReader reader, Clock clock, long intervalNanos, long lengthNanos,
                     Thresholds thresholds, int rowsKept, LoopObserver observer) {
        this.clock = clock;
        this.lengthNanos = lengthNanos;
        this.rowsKept = rowsKept;
        this.window = new CheckWindow(thresholds);
        this.loop = new SamplingLoop(reader, clock, intervalNanos, this::accept, observer);
    }

    /**
     * Samples the window, starting with {@code first} if the caller has read it already.
     *
     * @param watchdogs makes the watchdog that judges the samples, given the listener it must tell
     *                  of anomalies; its reports go wherever it sends them
     */
    public Result run(Sample first, Function<AnomalyListener, Watchdog> watchdogs)
            throws IOException, StatFormatException {
        watchdog = watchdogs.apply(window);
        long endNanos = clock.monotonicNanos() + lengthNanos;
        if (first != null) {
            loop.startWith(first);
        } else {
            loop.start();
        }
        loop.run(() -> clock.monotonicNanos() >= endNanos);
        watchdog.finish();
        // Nothing reads into the last snapshot any more: it is whole until copied here.
        return new Result(List.copyOf(rows), last.toSample(), window.verdict());
    }

    /** Ends the window early (a signal), with the verdict over what was sampled; safe from any thread. */
    public void stop() {
        loop.stop();
    }

    private void accept(StatSnapshot sample) throws IOException {
        window.sampled(sample);
        watchdog.accept(sample);
        if (rows.size() < rowsKept) {
            rows.add(sample.toSample());
        }
        last = sample;
    }
}
