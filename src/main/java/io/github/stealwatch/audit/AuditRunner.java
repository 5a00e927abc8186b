package io.github.stealwatch.audit;

import io.github.stealwatch.disk.LockFile;
import io.github.stealwatch.metrics.BuildVersion;
import io.github.stealwatch.metrics.LiveMetrics;
import io.github.stealwatch.metrics.MetricsCommand;
import io.github.stealwatch.metrics.Readings;
import io.github.stealwatch.metrics.StealwatchMetrics;
import io.github.stealwatch.metrics.Textfile;
import io.github.stealwatch.source.BootReader;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.spool.Spool;
import io.github.stealwatch.state.StateStore;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.time.DurationText;
import io.github.stealwatch.watch.StopOnSignal;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code stealwatch audit} with its settings: wires one {@link Audit} and runs it. */
public final class AuditRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRunner.class);

    private final AuditSettings settings;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;

    public AuditRunner(AuditSettings settings, Clock clock, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public Audit.Outcome run() throws IOException, StatFormatException {
        Textfile textfile = settings.textfileDirectory() == null ? null
                : new Textfile(settings.textfileDirectory(), MetricsCommand.AUDIT);
        HostFacts host = HostFactsReader.read(settings.procRoot(), settings.sysRoot());
        LiveMetrics metrics = new LiveMetrics(clock);
        Outbox outbox = new Outbox(settings.mail().sender(out),
                new Spool(settings.spoolDirectory(), settings.spoolMax(), clock), clock, err, metrics);
        ProcStatReader reader = new ProcStatReader(settings.procRoot(), clock);
        Audit audit = new Audit(reader, new BootReader(settings.procRoot()), new StateStore(settings.stateFile()), outbox,
                clock, host, new Audit.Window(settings.intervalNanos(), settings.durationNanos(),
                        settings.detection().samples() + 1, source()),
                settings.detection().betweenRuns(), settings.detection()::watchdog,
                new Audit.Metrics(metrics, publisher(textfile)));
        try (reader; StopOnSignal signals = new StopOnSignal(audit::stop)) {
            return audit.run();
        } catch (LockFile.HeldException e) {
            throw new IOException(e.getMessage() + "; is an earlier audit still running?", e);
        }
    }

    /** Writes the metrics file, if one is asked for; a failed write is an error line, not a failed audit. */
    private Consumer<Readings> publisher(Textfile textfile) throws IOException {
        if (textfile == null) {
            return readings -> { };
        }
        String version = BuildVersion.number();
        return readings -> {
            try {
                textfile.write(StealwatchMetrics.text(MetricsCommand.AUDIT, version, readings, clock.wallTime()));
            } catch (IOException e) {
                LOG.error("cannot write the metrics file {}: {}", textfile.file(), e.getMessage());
            }
        };
    }

    private String source() {
        return settings.procRoot().resolve("stat") + ", every " + DurationText.format(settings.intervalNanos())
                + " for " + DurationText.format(settings.durationNanos());
    }
}
