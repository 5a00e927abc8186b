package io.github.stealwatch.watch;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.PrintSender;
import io.github.stealwatch.metrics.BuildVersion;
import io.github.stealwatch.metrics.LiveMetrics;
import io.github.stealwatch.metrics.MetricsCommand;
import io.github.stealwatch.metrics.StealwatchMetrics;
import io.github.stealwatch.metrics.Textfile;
import io.github.stealwatch.metrics.TextfilePublisher;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.spool.BackgroundOutbox;
import io.github.stealwatch.spool.Delivery;
import io.github.stealwatch.spool.DeliveryAgent;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.spool.Spool;
import io.github.stealwatch.spool.SpoolingSink;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.time.DurationText;
import io.github.stealwatch.trace.RecordingSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the watch with its settings: samples until stopped, and hands every recording to the spool
 * and the flush process, or, with {@code --mail-to -}, prints its report. The same whether the
 * command line started it or a {@link WatchSettingsFile} did.
 */
public final class WatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(WatchRunner.class);

    private final WatchSettings settings;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;

    /** @param out where printed reports go; {@code err}, where a report goes that even the spool cannot take */
    public WatchRunner(WatchSettings settings, Clock clock, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** Watches until stopped (or, with {@code once}, until the first report); returns the reports made. */
    public int run() throws IOException, StatFormatException, InterruptedException {
        HostFacts host = HostFactsReader.read(settings.procRoot(), settings.sysRoot());
        ProcStatReader reader = new ProcStatReader(settings.procRoot(), clock);
        String source = reader.statFile() + ", every " + DurationText.format(settings.intervalNanos());
        LiveMetrics metrics = new LiveMetrics(clock);
        Spool spool = new Spool(settings.spoolDirectory(), settings.spoolMax(), clock);
        Delivery delivery = delivery(spool, host, source, metrics);
        Textfile textfile = settings.textfileDirectory() == null ? null
                : new Textfile(settings.textfileDirectory(), MetricsCommand.WATCH);
        Watchdog watchdog;
        try (reader; TextfilePublisher publisher = publisher(textfile, metrics, delivery);
             BackgroundOutbox mailThread = new BackgroundOutbox(delivery)) {
            mailThread.retrySpooledReports();
            RecordingSink sink = settings.mail().printed()
                    ? new ReportFormatter(host, source).reportingTo(mailThread)
                    : new SpoolingSink(mailThread, (DeliveryAgent) delivery);
            AnomalyListener listener = publisher == null ? metrics : (sample, anomalies) -> {
                metrics.anomalous(sample, anomalies);
                publisher.writeSoon();
            };
            watchdog = settings.detection().watchdog(sink, listener);
            SamplingLoop loop = new SamplingLoop(reader, clock, settings.intervalNanos(), watchdog, metrics);
            loop.start();
            LOG.info("watching {}; reports go to {}{}", source, delivery.destination(),
                    textfile == null ? "" : "; metrics to " + textfile.file());
            try (StopOnSignal signals = new StopOnSignal(loop::stop)) {
                loop.run(() -> settings.once() && watchdog.reportsMade() > 0);
                LOG.info("stopping; sampling timing: {}", loop.cadence().summary());
                watchdog.finish();
                mailThread.close();
                if (publisher != null) {
                    publisher.close(); // the last file, before a signal's hook lets the JVM exit
                }
            }
        }
        return watchdog.reportsMade();
    }

    /**
     * Mail goes out through a {@code stealwatch flush} process, which also makes the report from
     * the spooled recording, so the watch never loads the report or mail code; printed reports are
     * made and written by the watch itself.
     */
    private Delivery delivery(Spool spool, HostFacts host, String source, LiveMetrics metrics) {
        WatchSettings.Mail mail = settings.mail();
        if (mail.printed()) {
            return new Outbox(new PrintSender(out), spool, clock, err, metrics);
        }
        return new DeliveryAgent(spool, new Envelope(mail.from(), mail.to()), mail.destination(), mail.flushCommand(),
                host, source, clock, err, metrics);
    }

    /** Starts publishing the metrics, if asked to: the first file, all zeros, before the first sample. */
    private TextfilePublisher publisher(Textfile textfile, LiveMetrics metrics, Delivery delivery) throws IOException {
        if (textfile == null) {
            return null;
        }
        String version = BuildVersion.number();
        TextfilePublisher publisher = new TextfilePublisher(textfile, () -> StealwatchMetrics.text(
                MetricsCommand.WATCH, version, metrics.take(StealwatchMetrics.spoolReports(delivery)), clock.wallTime()),
                Duration.ofNanos(settings.textfileIntervalNanos()));
        try {
            publisher.start();
        } catch (IOException e) {
            throw new IOException("cannot write the metrics file " + textfile.file() + ": " + e.getMessage(), e);
        }
        return publisher;
    }
}
