package io.github.stealwatch.cli;

import io.github.stealwatch.check.CheckWindow;
import io.github.stealwatch.check.Thresholds;
import io.github.stealwatch.check.Verdict;
import io.github.stealwatch.disk.LockFile;
import io.github.stealwatch.report.AuditReportFormatter;
import io.github.stealwatch.report.Report;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.BootReader;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.state.AuditState;
import io.github.stealwatch.state.BaselineComparison;
import io.github.stealwatch.state.CorruptStateException;
import io.github.stealwatch.state.StateStore;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.watch.SamplingLoop;
import io.github.stealwatch.watch.Watchdog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
        Clock clock = RootCommand.of(spec).clock;
        HostFacts host = HostFactsReader.read(sampling.procRoot);
        Outbox outbox = new Outbox(mail.sender(spec, host), spooling.spool(spec), clock, spec.commandLine().getErr());
        StateStore store = new StateStore(stateFile != null ? stateFile : StateLocations.stateFile());
        try (LockFile lock = store.lock(StateStore.LOCK_WAIT, clock)) {
            deliverSpooled(outbox);
            ProcStatReader reader = new ProcStatReader(sampling.procRoot, clock);
            BootReader boots = new BootReader(sampling.procRoot);
            Sample first = reader.read();
            AuditState now = AuditState.of(boots.read(), clock.wallTime(), first);
            BaselineComparison comparison = BaselineComparison.of(previous(store), now,
                    detection.cpusWhenUnlisted());
            logComparison(comparison, store);

            LiveWindow window = sampleWindow(reader, clock, host, first);
            store.save(AuditState.of(boots.read(), clock.wallTime(), window.last));

            if (comparison.anomalies().isEmpty() && window.reports.isEmpty()) {
                LOG.info("audit clean: {}", window.verdict.summary());
                return ExitCodes.OK;
            }
            Report report = new AuditReportFormatter(host, source()).format(comparison, window.rows,
                    window.verdict.summary(), window.reports);
            outbox.deliver(report);
            return ExitCodes.ANOMALY_REPORTED;
        } catch (LockFile.HeldException e) {
            throw new IOException(e.getMessage() + "; is an earlier audit still running?", e);
        }
    }

    /** What the live window saw. */
    private record LiveWindow(List<Sample> rows, Sample last, Verdict verdict, List<Report> reports) {
    }

    private LiveWindow sampleWindow(ProcStatReader reader, Clock clock, HostFacts host, Sample first)
            throws IOException {
        List<Report> reports = new ArrayList<>();
        List<Sample> rows = new ArrayList<>();
        Sample[] last = {first};
        CheckWindow window = new CheckWindow(Thresholds.NONE);
        Watchdog watchdog = detection.watchdog(new ReportFormatter(host, source()), reports::add, window);
        int maxRows = detection.samples + 1;
        SamplingLoop loop = new SamplingLoop(reader, clock, sampling.interval.toNanos(), sample -> {
            window.sampled(sample);
            watchdog.accept(sample);
            if (rows.size() < maxRows) {
                rows.add(sample);
            }
            last[0] = sample;
        });
        long endNanos = clock.monotonicNanos() + duration.toNanos();
        loop.startWith(first);
        try (StopOnSignal signals = new StopOnSignal(loop)) {
            loop.run(() -> clock.monotonicNanos() >= endNanos);
            watchdog.finish();
        }
        return new LiveWindow(rows, last[0], window.verdict(), reports);
    }

    /** The last run's state; a corrupt one is named in a warning and replaced, never fatal. */
    private static Optional<AuditState> previous(StateStore store) {
        try {
            return store.load();
        } catch (CorruptStateException e) {
            LOG.warn("{}; starting a new baseline", e.getMessage());
            return Optional.empty();
        }
    }

    private static void deliverSpooled(Outbox outbox) {
        try {
            outbox.flush();
        } catch (IOException e) {
            LOG.error("cannot deliver the spooled reports: {}", e.getMessage());
        }
    }

    private static void logComparison(BaselineComparison comparison, StateStore store) {
        switch (comparison.kind()) {
            case FIRST_RUN -> LOG.info("no earlier audit in {}: this run saves the first baseline", store.file());
            case NEW_BOOT -> LOG.info("the machine rebooted since the last audit: new baseline");
            case UPTIME_WENT_BACK -> LOG.warn("uptime is lower than in {} on the same boot id: new baseline",
                    store.file());
            case SAME_BOOT -> {
                if (!comparison.anomalies().isEmpty()) {
                    LOG.warn("{} steal counter(s) misbehaved since the last audit", comparison.anomalies().size());
                }
            }
        }
    }

    private String source() {
        return sampling.procRoot.resolve("stat") + ", every " + DurationConverter.format(sampling.interval)
                + " for " + DurationConverter.format(duration);
    }

    private void validate() {
        sampling.validate(spec);
        detection.validate(spec);
        if (duration.compareTo(sampling.interval) < 0) {
            throw new ParameterException(spec.commandLine(), "--duration " + DurationConverter.format(duration)
                    + " is shorter than --interval " + DurationConverter.format(sampling.interval));
        }
    }
}
