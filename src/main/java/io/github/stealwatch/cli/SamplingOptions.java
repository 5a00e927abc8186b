package io.github.stealwatch.cli;

import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where and how often to read /proc/stat, and where /sys is: shared by watch, check, audit and record. */
final class SamplingOptions {

    @Option(names = "--proc-root", paramLabel = "DIR", defaultValue = "/proc",
            description = "Read DIR/stat (default: ${DEFAULT-VALUE}).")
    Path procRoot;

    @Option(names = "--sys-root", paramLabel = "DIR", defaultValue = "/sys",
            description = "Read what kind of machine this is from DIR (hypervisor, DMI, clocksource) for a "
                    + "report's diagnosis (default: ${DEFAULT-VALUE}).")
    Path sysRoot;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "100ms",
            converter = DurationConverter.class,
            description = "Time between samples, e.g. 100ms, 1s, 2m (default: ${DEFAULT-VALUE}).")
    Duration interval;

    /** The host's name, kernel and kind, from the proc and sys roots. */
    HostFacts hostFacts() {
        return HostFactsReader.read(procRoot, sysRoot);
    }

    void validate(CommandSpec spec) {
        if (interval.isZero()) {
            throw new ParameterException(spec.commandLine(), "--interval must be positive");
        }
        // A mistyped root would only make every fact unknown; the default is left alone, as a
        // container without /sys still has /proc/stat to watch.
        if (spec.commandLine().getParseResult().hasMatchedOption("--sys-root")) {
            ExistingDirectory.require(spec, "--sys-root", sysRoot);
        }
    }

    /** Also checks that a window of {@code duration} holds at least two samples to compare. */
    void validate(CommandSpec spec, Duration duration) {
        validate(spec);
        if (duration.compareTo(interval) < 0) {
            throw new ParameterException(spec.commandLine(), "--duration " + DurationConverter.format(duration)
                    + " is shorter than --interval " + DurationConverter.format(interval) + ": nothing to compare");
        }
    }
}
