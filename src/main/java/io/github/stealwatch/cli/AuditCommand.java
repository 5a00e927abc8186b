package io.github.stealwatch.cli;

import io.github.stealwatch.audit.Audit;
import io.github.stealwatch.disk.LockFile;
import io.github.stealwatch.metrics.LiveMetrics;
import io.github.stealwatch.metrics.MetricsCommand;
import io.github.stealwatch.metrics.Readings;
import io.github.stealwatch.metrics.StealwatchMetrics;
import io.github.stealwatch.metrics.Textfile;
import io.github.stealwatch.source.BootReader;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.state.StateStore;
import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stealwatch audit}: for cron or a timer, compares the counters with the last run's, then watches a short window. */
@Command(name = "audit", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "For cron or a systemd timer: mail what is spooled, compare the steal counters with the "
                + "ones the last run saved (same boot: no going back, no rise beyond what can accrue in the "
                + "uptime between), sample a short live window like check, report any anomaly, and save the "
                + "counters as the next run's baseline.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, "2:an anomaly was reported (mailed, or kept in the spool)",
                "3:cannot measure: /proc cannot be read, another audit holds the lock, or the command line "
                        + "is wrong"})
final class AuditCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    DetectionOptions detection;

    @Mixin
    MailOptions mail;

    @Mixin
    SpoolOptions spooling;

    @Mixin
    TextfileOptions textfiles;

    @Option(names = "--state-file", paramLabel = "FILE",
            description = "The counters the last run saved (default: $STATE_DIRECTORY/audit.state under systemd, "
                    + "else " + StateLocations.STATE_FILE + ").")
    Path stateFile;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How long the live window samples (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        validate();
        Textfile textfile = textfiles.textfile(spec, MetricsCommand.AUDIT);
        Clock clock = RootCommand.of(spec).clock;
        HostFacts host = sampling.hostFacts();
        LiveMetrics metrics = new LiveMetrics(clock);
        Outbox outbox = new Outbox(mail.sender(spec, host), spooling.spool(spec), clock, spec.commandLine().getErr(),
                metrics);
        ProcStatReader reader = new ProcStatReader(sampling.procRoot, clock);
        Audit audit = new Audit(reader, new BootReader(sampling.procRoot),
                new StateStore(stateFile != null ? stateFile : StateLocations.stateFile()), outbox, clock, host,
                new Audit.Window(sampling.interval.toNanos(), duration.toNanos(), detection.samples + 1, source()),
                detection.betweenRuns(), detection::watchdog,
                new Audit.Metrics(metrics, publisher(textfile, clock)));
        try (reader; StopOnSignal signals = new StopOnSignal(audit::stop)) {
            return audit.run() == Audit.Outcome.CLEAN ? ExitCodes.OK : ExitCodes.ANOMALY_REPORTED;
        } catch (LockFile.HeldException e) {
            throw new IOException(e.getMessage() + "; is an earlier audit still running?", e);
        }
    }

    /** Writes the metrics file, if one is asked for; a failed write is an error line, not a failed audit. */
    private Consumer<Readings> publisher(Textfile textfile, Clock clock) throws IOException {
        if (textfile == null) {
            return readings -> { };
        }
        String version = VersionProvider.number();
        return readings -> {
            try {
                textfile.write(StealwatchMetrics.text(MetricsCommand.AUDIT, version, readings, clock.wallTime()));
            } catch (IOException e) {
                LOG.error("cannot write the metrics file {}: {}", textfile.file(), e.getMessage());
            }
        };
    }

    private String source() {
        return sampling.procRoot.resolve("stat") + ", every " + DurationConverter.format(sampling.interval)
                + " for " + DurationConverter.format(duration);
    }

    private void validate() {
        sampling.validate(spec, duration);
        detection.validate(spec);
    }
}
