package io.github.stealwatch.watch;

import io.github.stealwatch.disk.PathWriter;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.source.TraceWriter;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.time.DurationText;
import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code stealwatch record}: writes every sample to a trace file until the duration ends or it is stopped. */
public final class RecordRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RecordRunner.class);

    private final RecordSettings settings;
    private final Clock clock;

    public RecordRunner(RecordSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Records; returns the samples written. */
    public long run() throws IOException, StatFormatException {
        ProcStatReader reader = new ProcStatReader(settings.procRoot(), clock);
        AtomicLong samples = new AtomicLong();
        try (reader;
             TraceWriter writer = new TraceWriter(PathWriter.open(settings.out()),
                     HostFactsReader.read(settings.procRoot(), settings.sysRoot()), clock.wallTime(),
                     reader.statFile() + ", every " + DurationText.format(settings.intervalNanos()))) {
            SamplingLoop loop = new SamplingLoop(reader, clock, settings.intervalNanos(), sample -> {
                writer.write(sample.toSample());
                samples.incrementAndGet();
            });
            long endNanos = clock.monotonicNanos() + settings.durationNanos();
            try {
                loop.start();
            } catch (IOException | StatFormatException e) {
                writer.close();
                Files.deleteIfExists(settings.out()); // a trace with a header and no sample would only mislead
                throw e;
            }
            LOG.info("recording {} to {} for {}", reader.statFile(), settings.out(),
                    DurationText.format(settings.durationNanos()));
            try (StopOnSignal signals = new StopOnSignal(loop::stop)) {
                loop.run(() -> clock.monotonicNanos() >= endNanos);
                writer.close();
            }
        }
        LOG.info("recorded {} samples to {}", samples.get(), settings.out());
        return samples.get();
    }
}
