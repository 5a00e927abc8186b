package io.github.stealwatch.cli;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.SmtpSender;
import io.github.stealwatch.mail.SmtpSettings;
import io.github.stealwatch.metrics.MetricsCommand;
import io.github.stealwatch.metrics.StealwatchMetrics;
import io.github.stealwatch.metrics.Textfile;
import io.github.stealwatch.metrics.TextfilePublisher;
import io.github.stealwatch.metrics.LiveMetrics;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.spool.BackgroundOutbox;
import io.github.stealwatch.spool.Delivery;
import io.github.stealwatch.spool.DeliveryAgent;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.spool.Spool;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.watch.AnomalyListener;
import io.github.stealwatch.watch.SamplingLoop;
import io.github.stealwatch.watch.Watchdog;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stealwatch watch}: samples /proc/stat until stopped and reports every steal anomaly. */
@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Poll /proc/stat, catch a flaky steal-time counter, record the samples around it and mail them.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_ANOMALY, ExitCodes.HELP_CANNOT_MEASURE})
final class WatchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(WatchCommand.class);

    /** Prometheus scrapes every 15 s or more: rewriting the file more than once a second buys nothing. */
    private static final Duration MIN_TEXTFILE_INTERVAL = Duration.ofSeconds(1);

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

    @Option(names = "--textfile-interval", paramLabel = "DURATION", defaultValue = "15s",
            converter = DurationConverter.class,
            description = "How often the metrics file is rewritten, besides right after an anomaly "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration textfileInterval;

    @Option(names = "--once", description = "Exit after the first report, as the article's script did.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        sampling.validate(spec);
        detection.validate(spec);
        validateTextfileInterval();
        Textfile textfile = textfiles.textfile(spec, MetricsCommand.WATCH);
        HostFacts host = sampling.hostFacts();
        Clock clock = RootCommand.of(spec).clock;
        ProcStatReader reader = new ProcStatReader(sampling.procRoot, clock);
        String source = reader.statFile() + ", every " + DurationConverter.format(sampling.interval);
        LiveMetrics metrics = new LiveMetrics(clock);
        Delivery outbox = delivery(host, clock, metrics);
        Watchdog watchdog;
        try (reader; TextfilePublisher publisher = publisher(textfile, metrics, outbox, clock);
             BackgroundOutbox delivery = new BackgroundOutbox(outbox)) {
            delivery.retrySpooledReports();
            AnomalyListener listener = publisher == null ? metrics : (sample, anomalies) -> {
                metrics.anomalous(sample, anomalies);
                publisher.writeSoon();
            };
            watchdog = detection.watchdog(new ReportFormatter(host, source), delivery, listener);
            SamplingLoop loop = new SamplingLoop(reader, clock, sampling.interval.toNanos(), watchdog, metrics);
            loop.start();
            LOG.info("watching {}; reports go to {}{}", source, outbox.destination(),
                    textfile == null ? "" : "; metrics to " + textfile.file());
            try (StopOnSignal signals = new StopOnSignal(loop::stop)) {
                loop.run(() -> once && watchdog.reportsMade() > 0);
                LOG.info("stopping; sampling timing: {}", loop.cadence().summary());
                watchdog.finish();
                delivery.close();
                if (publisher != null) {
                    publisher.close(); // the last file, before a signal's hook lets the JVM exit
                }
            }
        }
        return watchdog.reportsMade() > 0 ? ExitCodes.ANOMALY_REPORTED : ExitCodes.OK;
    }

    /**
     * Mail goes out through a {@code stealwatch flush} process, so the watch never loads the mail
     * code; printed reports are written by the watch itself.
     */
    private Delivery delivery(HostFacts host, Clock clock, LiveMetrics metrics) {
        Spool spool = spooling.spool(spec);
        PrintWriter err = spec.commandLine().getErr();
        if (mail.printsReports()) {
            return new Outbox(mail.sender(spec, host), spool, clock, err, metrics);
        }
        SmtpSettings settings = mail.smtp.settings(spec);
        Envelope envelope = mail.envelope(spec, host);
        List<String> flush = FlushProcess.command(spool, mail.smtp, RootCommand.of(spec).configFile);
        return new DeliveryAgent(spool, envelope, settings.destination(envelope), flush,
                () -> new Outbox(new SmtpSender(settings, envelope), spool, clock, err, metrics), clock, metrics);
    }

    /** Starts publishing the metrics, if asked to: the first file, all zeros, before the first sample. */
    private TextfilePublisher publisher(Textfile textfile, LiveMetrics metrics, Delivery outbox, Clock clock)
            throws IOException {
        if (textfile == null) {
            return null;
        }
        String version = VersionProvider.number();
        TextfilePublisher publisher = new TextfilePublisher(textfile, () -> StealwatchMetrics.text(
                MetricsCommand.WATCH, version, metrics.take(StealwatchMetrics.spoolReports(outbox)), clock.wallTime()),
                textfileInterval);
        try {
            publisher.start();
        } catch (IOException e) {
            throw new IOException("cannot write the metrics file " + textfile.file() + ": " + e.getMessage(), e);
        }
        return publisher;
    }

    private void validateTextfileInterval() {
        if (textfileInterval.compareTo(MIN_TEXTFILE_INTERVAL) < 0) {
            throw new ParameterException(spec.commandLine(), "--textfile-interval must be at least "
                    + DurationConverter.format(MIN_TEXTFILE_INTERVAL) + ", not "
                    + DurationConverter.format(textfileInterval));
        }
    }
}
