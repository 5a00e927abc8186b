package io.github.stealwatch.check;

import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.report.ReportSink;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.spool.BackgroundOutbox;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.time.DurationText;
import io.github.stealwatch.watch.StopOnSignal;
import java.io.IOException;
import java.io.PrintWriter;

/** Runs {@code stealwatch check}: samples its window, prints one verdict, and mails a report if asked to. */
public final class CheckRunner {

    private final CheckSettings settings;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;

    public CheckRunner(CheckSettings settings, Clock clock, PrintWriter out, PrintWriter err) {
        this.settings = settings;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** Samples the window and prints its verdict; returns it. */
    public Verdict run() throws IOException, StatFormatException, InterruptedException {
        HostFacts host = HostFactsReader.read(settings.procRoot(), settings.sysRoot());
        ProcStatReader reader = new ProcStatReader(settings.procRoot(), clock);
        ReportFormatter formatter = new ReportFormatter(host, reader.statFile() + ", every "
                + DurationText.format(settings.intervalNanos()) + " for " + DurationText.format(settings.durationNanos()));
        WindowRun window = new WindowRun(reader, clock, settings.intervalNanos(), settings.durationNanos(),
                settings.thresholds(), 0);
        // A check typed by hand answers on the terminal; it mails only when asked to. Nor is
        // anything of mail loaded unless it does: a check run every minute starts faster.
        boolean mailing = settings.mail() != null;
        Verdict verdict;
        try (reader;
             BackgroundOutbox delivery = mailing ? new BackgroundOutbox(
                     new Outbox(settings.mail().sender(out), null, clock, err)) : null;
             StopOnSignal signals = new StopOnSignal(window::stop)) {
            ReportSink sink = mailing ? delivery : report -> { };
            verdict = window.run(null, listener -> settings.detection().watchdog(formatter.reportingTo(sink),
                    listener)).verdict();
            if (delivery != null) {
                delivery.close();
            }
        }
        print(out, verdict, host, settings.json());
        return verdict;
    }

    /** The verdict as the status line or the JSON object; {@code host} may be null (an UNKNOWN before reading). */
    public static void print(PrintWriter out, Verdict verdict, HostFacts host, boolean json) {
        out.println(json ? JsonVerdict.format(verdict, host) : PluginLine.format(verdict));
        out.flush();
    }
}
