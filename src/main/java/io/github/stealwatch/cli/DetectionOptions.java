package io.github.stealwatch.cli;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.report.ReportSink;
import io.github.stealwatch.source.OnlineCpus;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.watch.AnomalyListener;
import io.github.stealwatch.watch.Watchdog;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What counts as an anomaly and how much is recorded of it: shared by every command that detects. */
final class DetectionOptions {

    @Option(names = "--max-delta", paramLabel = "TICKS|auto", defaultValue = "auto",
            converter = MaxDeltaConverter.class,
            description = "Largest rise of a steal counter: a number of ticks between two samples (the "
                    + "article's script used 100000), or auto: over any stretch of samples, at most what can "
                    + "physically accrue in its measured time plus the lump allowance, on the CPUs a line "
                    + "covers (default: ${DEFAULT-VALUE}).")
    MaxDelta maxDelta;

    @Option(names = "--lump-allowance", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "With --max-delta auto (and between audits): the most steal, in time per CPU, that "
                    + "may have accrued before a stretch and be accounted inside it all at once, as the kernel "
                    + "does when a CPU next ticks or leaves idle; 0s is the strict physical bound "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration lumpAllowance;

    /**
     * A recording keeps every row in memory until its report is written: 1000 rows are 100 s at
     * the default interval, fifty times what the article kept, and within the watch's heap.
     */
    static final int MAX_SAMPLES = 1000;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "20",
            description = "Rows to record after the last normal one, trigger included (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--cpus", paramLabel = "N",
            description = "CPUs the aggregate line covers when a sample has no cpuN lines "
                    + "(default: the CPUs online on this machine).")
    Integer cpus;

    @Option(names = "--cooldown", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "While an anomaly goes on, at most one further report per DURATION (default: ${DEFAULT-VALUE}).")
    Duration cooldown;

    void validate(CommandSpec spec) {
        if (samples < 1 || samples > MAX_SAMPLES) {
            throw new ParameterException(spec.commandLine(), "--samples must be from 1 to " + MAX_SAMPLES + ", not "
                    + samples);
        }
        if (cpus != null && cpus < 1) {
            throw new ParameterException(spec.commandLine(), "--cpus must be at least 1, not " + cpus);
        }
    }

    Watchdog watchdog(ReportFormatter formatter, ReportSink sink) {
        return watchdog(formatter, sink, AnomalyListener.NONE);
    }

    Watchdog watchdog(ReportFormatter formatter, ReportSink sink, AnomalyListener listener) {
        return new Watchdog(new StealDetector(bound(), cpusWhenUnlisted()), new Recorder(samples),
                cooldown.toNanos(), formatter, sink, listener);
    }

    /** The detector for two audits' counters: auto over the uptime between them, whatever --max-delta says. */
    StealDetector betweenRuns() {
        return new StealDetector(new MaxDelta.Auto(lumpAllowance.toNanos()), cpusWhenUnlisted());
    }

    /** The bound samples are judged by; the lump allowance belongs to auto alone, as a fixed bound is per sample. */
    private MaxDelta bound() {
        return maxDelta instanceof MaxDelta.Auto ? new MaxDelta.Auto(lumpAllowance.toNanos()) : maxDelta;
    }

    /** How many CPUs the aggregate line covers when a sample lists none. */
    int cpusWhenUnlisted() {
        return cpus != null ? cpus : OnlineCpus.count();
    }
}
