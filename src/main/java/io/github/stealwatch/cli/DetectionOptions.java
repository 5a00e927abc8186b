package io.github.stealwatch.cli;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.source.OnlineCpus;
import io.github.stealwatch.watch.DetectionSettings;
import java.time.Duration;
import java.util.OptionalLong;
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

    /** The settings these options give, checked. */
    DetectionSettings settings(CommandSpec spec) {
        if (samples < 1 || samples > DetectionSettings.MAX_SAMPLES) {
            throw new ParameterException(spec.commandLine(), "--samples must be from 1 to "
                    + DetectionSettings.MAX_SAMPLES + ", not " + samples);
        }
        if (cpus != null && cpus < 1) {
            throw new ParameterException(spec.commandLine(), "--cpus must be at least 1, not " + cpus);
        }
        OptionalLong fixed = maxDelta instanceof MaxDelta.Ticks ticks ? OptionalLong.of(ticks.ticks())
                : OptionalLong.empty();
        return new DetectionSettings(fixed, lumpAllowance.toNanos(), samples,
                cpus != null ? cpus : OnlineCpus.count(), cooldown.toNanos());
    }
}
