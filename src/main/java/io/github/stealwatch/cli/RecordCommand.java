package io.github.stealwatch.cli;

import io.github.stealwatch.disk.PathWriter;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.source.TraceWriter;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.watch.SamplingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(RecordCommand.class);

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
        Clock clock = RootCommand.of(spec).clock;
        ProcStatReader reader = new ProcStatReader(sampling.procRoot, clock);
        AtomicLong samples = new AtomicLong();
        try (reader;
             TraceWriter writer = new TraceWriter(PathWriter.open(out),
                     sampling.hostFacts(), clock.wallTime(),
                     reader.statFile() + ", every " + DurationConverter.format(sampling.interval))) {
            SamplingLoop loop = new SamplingLoop(reader, clock, sampling.interval.toNanos(), sample -> {
                writer.write(sample.toSample());
                samples.incrementAndGet();
            });
            long endNanos = clock.monotonicNanos() + duration.toNanos();
            try {
                loop.start();
            } catch (IOException | StatFormatException e) {
                writer.close();
                Files.deleteIfExists(out); // a trace with a header and no sample would only mislead
                throw e;
            }
            LOG.info("recording {} to {} for {}", reader.statFile(), out, DurationConverter.format(duration));
            try (StopOnSignal signals = new StopOnSignal(loop::stop)) {
                loop.run(() -> clock.monotonicNanos() >= endNanos);
                writer.close();
            }
        }
        LOG.info("recorded {} samples to {}", samples.get(), out);
        return ExitCodes.OK;
    }
}
