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

/** What counts as an anomaly and how much is recorded of it: shared by watch and replay. */
final class DetectionOptions {

    @Option(names = "--max-delta", paramLabel = "TICKS|auto", defaultValue = "auto",
            converter = MaxDeltaConverter.class,
            description = "Largest rise of a steal counter between two samples: a number of ticks (the "
                    + "article's script used 100000), or auto, the most that can physically accrue in the "
                    + "measured time on the CPUs a line covers, with a margin (default: ${DEFAULT-VALUE}).")
    MaxDelta maxDelta;

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
        if (samples < 1) {
            throw new ParameterException(spec.commandLine(), "--samples must be at least 1, not " + samples);
        }
        if (cpus != null && cpus < 1) {
            throw new ParameterException(spec.commandLine(), "--cpus must be at least 1, not " + cpus);
        }
    }

    Watchdog watchdog(ReportFormatter formatter, ReportSink sink) {
        return watchdog(formatter, sink, AnomalyListener.NONE);
    }

    Watchdog watchdog(ReportFormatter formatter, ReportSink sink, AnomalyListener listener) {
        return new Watchdog(new StealDetector(maxDelta, cpusWhenUnlisted()), new Recorder(samples),
                cooldown.toNanos(), formatter, sink, listener);
    }

    /** How many CPUs the aggregate line covers when a sample lists none. */
    int cpusWhenUnlisted() {
        return cpus != null ? cpus : OnlineCpus.count();
    }
}
