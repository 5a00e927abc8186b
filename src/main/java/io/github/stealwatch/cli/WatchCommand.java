package io.github.stealwatch.cli;

import io.github.stealwatch.mail.ReportSender;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.spool.BackgroundOutbox;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.watch.SamplingLoop;
import io.github.stealwatch.watch.Watchdog;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stealwatch watch}: samples /proc/stat until stopped and reports every steal anomaly. */
@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Poll /proc/stat, catch a flaky steal-time counter, record the samples around it and mail them.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_ANOMALY, ExitCodes.HELP_CANNOT_MEASURE})
final class WatchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(WatchCommand.class);

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

    @Option(names = "--once", description = "Exit after the first report, as the article's script did.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        sampling.validate(spec);
        detection.validate(spec);
        HostFacts host = HostFactsReader.read(sampling.procRoot);
        Clock clock = RootCommand.of(spec).clock;
        ProcStatReader reader = new ProcStatReader(sampling.procRoot, clock);
        String source = reader.statFile() + ", every " + DurationConverter.format(sampling.interval);
        ReportSender sender = mail.sender(spec, host);
        Outbox outbox = new Outbox(sender, spooling.spool(spec), clock, spec.commandLine().getErr());
        Watchdog watchdog;
        try (reader; BackgroundOutbox delivery = new BackgroundOutbox(outbox)) {
            delivery.retrySpooledReports();
            watchdog = detection.watchdog(new ReportFormatter(host, source), delivery);
            SamplingLoop loop = new SamplingLoop(reader, clock, sampling.interval.toNanos(), watchdog);
            loop.start();
            LOG.info("watching {}; reports go to {}", source, sender.destination());
            try (StopOnSignal signals = new StopOnSignal(loop::stop)) {
                loop.run(() -> once && watchdog.reportsMade() > 0);
                LOG.info("stopping; sampling timing: {}", loop.cadence().summary());
                watchdog.finish();
                delivery.close();
            }
        }
        return watchdog.reportsMade() > 0 ? ExitCodes.ANOMALY_REPORTED : ExitCodes.OK;
    }
}
