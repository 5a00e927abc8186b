package io.github.stealwatch.watch;

import io.github.stealwatch.disk.LineReader;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.source.TraceReader;
import io.github.stealwatch.spool.BackgroundOutbox;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Runs {@code stealwatch replay}: a recorded trace through the same watchdog as watch, with the trace's own times. */
public final class ReplayRunner {

    private final ReplaySettings settings;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;

    public ReplayRunner(ReplaySettings settings, Clock clock, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** Replays the trace; returns the reports made. */
    public int run() throws IOException, StatFormatException, InterruptedException {
        Path trace = settings.trace();
        try (TraceReader reader = new TraceReader(new LineReader(trace, TraceReader.MAX_LINE_BYTES))) {
            HostFacts host = hostOf(reader.hostFacts());
            Watchdog watchdog;
            // No spool: a replay is run by hand, and a report it cannot mail is printed for its user.
            Outbox outbox = new Outbox(settings.mail().sender(out), null, clock, err);
            try (BackgroundOutbox delivery = new BackgroundOutbox(outbox)) {
                watchdog = settings.detection().watchdog(new ReportFormatter(host, "trace " + trace).reportingTo(delivery));
                for (Sample sample = reader.next(); sample != null; sample = reader.next()) {
                    watchdog.accept(sample);
                }
                watchdog.finish();
            }
            return watchdog.reportsMade();
        } catch (StatFormatException e) {
            throw new StatFormatException(trace + " " + e.getMessage());
        }
    }

    /** The trace's own host where its header names one; otherwise the host replaying it. */
    private static HostFacts hostOf(HostFacts recorded) {
        if (!recorded.hostName().equals(HostFacts.UNKNOWN)) {
            return recorded;
        }
        return new HostFacts(HostFactsReader.read(Path.of("/proc")).hostName(), recorded.kernelRelease(),
                recorded.kernelFrom(), recorded.machine());
    }
}
