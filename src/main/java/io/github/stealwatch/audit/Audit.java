package io.github.stealwatch.audit;

import io.github.stealwatch.check.Thresholds;
import io.github.stealwatch.check.WindowRun;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.disk.LockFile;
import io.github.stealwatch.metrics.LiveMetrics;
import io.github.stealwatch.metrics.Readings;
import io.github.stealwatch.metrics.StealwatchMetrics;
import io.github.stealwatch.report.AuditReportFormatter;
import io.github.stealwatch.report.Report;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.BootReader;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.state.AuditState;
import io.github.stealwatch.state.BaselineComparison;
import io.github.stealwatch.state.CorruptStateException;
import io.github.stealwatch.state.StateStore;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.watch.WatchdogFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One audit run, as cron or a timer starts it. Holding the state's lock: mail what is spooled,
 * compare the counters with the last run's, sample a live window, save the counters as the next
 * run's baseline, and mail one report if either the comparison or the window found an anomaly.
 */
public final class Audit {

    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    public enum Outcome { CLEAN, ANOMALY_REPORTED }

    /**
     * The live window.
     *
     * @param rowsKept rows of the window kept for the report's table
     * @param source   where its samples come from, for the report
     */
    public record Window(long intervalNanos, long lengthNanos, int rowsKept, String source) {
    }

    /**
     * The run's metrics.
     *
     * @param live    counts this run, told by the outbox too
     * @param publish writes the metrics file with the counts of every run so far, once at the end
     */
    public record Metrics(LiveMetrics live, Consumer<Readings> publish) {
    }

    private final ProcStatReader reader;
    private final BootReader boots;
    private final StateStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final HostFacts host;
    private final Window window;
    private final StealDetector betweenRuns;
    private final WatchdogFactory watchdogs;
    private final WindowRun windowRun;
    private final Metrics metrics;

    /** @param betweenRuns judges the counters against the last run's, over the uptime between them */
    public Audit(ProcStatReader reader, BootReader boots, StateStore store, Outbox outbox, Clock clock,
                 HostFacts host, Window window, StealDetector betweenRuns, WatchdogFactory watchdogs,
                 Metrics metrics) {
        this.reader = reader;
        this.boots = boots;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.host = host;
        this.window = window;
        this.betweenRuns = betweenRuns;
        this.watchdogs = watchdogs;
        this.metrics = metrics;
        this.windowRun = new WindowRun(reader, clock, window.intervalNanos(), window.lengthNanos(), Thresholds.NONE,
                window.rowsKept(), metrics.live());
    }

    /** @throws LockFile.HeldException when another audit still holds the lock after {@link StateStore#LOCK_WAIT} */
    public Outcome run() throws IOException, StatFormatException, LockFile.HeldException {
        try (LockFile lock = store.lock(StateStore.LOCK_WAIT, clock)) {
            deliverSpooled();
            Optional<AuditState> previous = previous();
            Tally tally = new Tally(previous, metrics.live());
            Sample first;
            try {
                first = reader.read();
            } catch (IOException | StatFormatException e) {
                metrics.live().readFailed();
                keepTally(previous, tally);
                throw e;
            }
            AuditState now = AuditState.of(boots.read(), clock.wallTime(), first);
            BaselineComparison comparison = BaselineComparison.of(previous, now, betweenRuns);
            log(comparison);
            if (!comparison.anomalies().isEmpty()) {
                metrics.live().anomalous(first, comparison.anomalies());
            }

            List<Report> windowReports = new ArrayList<>();
            ReportFormatter formatter = new ReportFormatter(host, window.source());
            WindowRun.Result live = windowRun.run(first, listener -> watchdogs.create(formatter.reportingTo(windowReports::add),
                    (sample, anomalies) -> {
                        listener.anomalous(sample, anomalies);
                        metrics.live().anomalous(sample, anomalies);
                    }));
            AuditState next = AuditState.of(boots.read(), clock.wallTime(), live.last());
            store.save(tally.onto(next));

            Outcome outcome = Outcome.CLEAN;
            if (comparison.anomalies().isEmpty() && windowReports.isEmpty()) {
                LOG.info("audit clean: {}", live.verdict().summary());
            } else {
                outbox.deliver(new AuditReportFormatter(host, window.source()).format(comparison, live.rows(),
                        live.verdict().summary(), windowReports));
                store.save(tally.onto(next)); // with what became of the report
                outcome = Outcome.ANOMALY_REPORTED;
            }
            publish(tally);
            return outcome;
        }
    }

    /** Ends the live window early (a signal); the run still saves and reports what it has. */
    public void stop() {
        windowRun.stop();
    }

    /** A run that could not read the counters keeps the last baseline, with its read error counted. */
    private void keepTally(Optional<AuditState> previous, Tally tally) {
        if (previous.isPresent()) {
            try {
                store.save(tally.onto(previous.get()));
            } catch (IOException e) {
                LOG.error("cannot save {}: {}", store.file(), e.getMessage());
            }
        }
        publish(tally);
    }

    private void publish(Tally tally) {
        metrics.publish().accept(tally.readings(StealwatchMetrics.spoolReports(outbox)));
    }

    /** The last run's state; a corrupt one is named in a warning and replaced, never fatal. */
    private Optional<AuditState> previous() {
        try {
            return store.load();
        } catch (CorruptStateException e) {
            LOG.warn("{}; starting a new baseline", e.getMessage());
            return Optional.empty();
        }
    }

    private void deliverSpooled() {
        try {
            outbox.flush();
        } catch (IOException e) {
            LOG.error("cannot deliver the spooled reports: {}", e.getMessage());
        }
    }

    private void log(BaselineComparison comparison) {
        switch (comparison.kind()) {
            case FIRST_RUN -> LOG.info("no earlier audit in {}: this run saves the first baseline", store.file());
            case NEW_BOOT -> LOG.info("the machine rebooted since the last audit: new baseline");
            case UPTIME_WENT_BACK -> LOG.warn("uptime is lower than in {} on the same boot id: new baseline",
                    store.file());
            case SAME_BOOT_OTHER_ID -> {
                LOG.info("the boot id differs from the last audit's, but the uptime grew with the clock: the same "
                        + "boot, compared (in a container, a unit and a shell can see different boot ids)");
                logAnomalies(comparison);
            }
            case SAME_BOOT -> logAnomalies(comparison);
        }
    }

    private static void logAnomalies(BaselineComparison comparison) {
        if (!comparison.anomalies().isEmpty()) {
            LOG.warn("{} steal counter(s) misbehaved since the last audit", comparison.anomalies().size());
        }
    }
}
