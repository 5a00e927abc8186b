package io.github.stealwatch.cli;

import io.github.stealwatch.watch.StopOnSignal;
import io.github.stealwatch.audit.Audit;
import io.github.stealwatch.audit.AuditRunner;
import io.github.stealwatch.audit.AuditSettings;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.spool.Spool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
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
        Audit.Outcome outcome = new AuditRunner(settings(), RootCommand.of(spec).clock, spec.commandLine().getOut(),
                spec.commandLine().getErr()).run();
        return outcome == Audit.Outcome.CLEAN ? ExitCodes.OK : ExitCodes.ANOMALY_REPORTED;
    }

    /** What the options and the configuration file come to, checked. */
    AuditSettings settings() {
        sampling.validate(spec, duration);
        Spool spool = spooling.spool(spec);
        return new AuditSettings(sampling.procRoot, sampling.sysRoot, sampling.interval.toNanos(), duration.toNanos(),
                detection.settings(spec), mail.settings(spec, HostFactsReader.read(sampling.procRoot)),
                spool.directory(), spool.maxReports(), stateFile != null ? stateFile : StateLocations.stateFile(),
                textfiles.directory(spec));
    }
}
