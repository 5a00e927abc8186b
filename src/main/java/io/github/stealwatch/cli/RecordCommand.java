package io.github.stealwatch.cli;

import io.github.stealwatch.watch.StopOnSignal;
import io.github.stealwatch.watch.RecordRunner;
import io.github.stealwatch.watch.RecordSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stealwatch record}: writes the samples of /proc/stat to a trace file for a later replay. */
@Command(name = "record", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Write every cpu line of each sample to a trace file, stamped with the measured time "
                + "since the start, until the duration ends or it is stopped.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {"0:the trace was written", ExitCodes.HELP_CANNOT_MEASURE})
final class RecordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "The trace file to write (replaced if it exists).")
    Path out;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "How long to record (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Mixin
    SamplingOptions sampling;

    @Override
    public Integer call() throws Exception {
        sampling.validate(spec);
        if (duration.isZero()) {
            throw new ParameterException(spec.commandLine(), "--duration must be positive");
        }
        new RecordRunner(new RecordSettings(sampling.procRoot, sampling.sysRoot, sampling.interval.toNanos(),
                duration.toNanos(), out), RootCommand.of(spec).clock).run();
        return ExitCodes.OK;
    }
}
