package io.github.stealwatch.cli;

import io.github.stealwatch.disk.LineReader;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.source.TraceReader;
import io.github.stealwatch.spool.BackgroundOutbox;
import io.github.stealwatch.spool.Outbox;
import io.github.stealwatch.watch.Watchdog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stealwatch replay FILE}: runs a recorded trace through the same watchdog as watch. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a trace file through the same detector, recorder, report and mailer as watch, "
                + "with the trace's own times.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_ANOMALY, ExitCodes.HELP_CANNOT_MEASURE})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A trace, as written by 'stealwatch record'.")
    Path trace;

    @Mixin
    DetectionOptions detection;

    @Mixin
    MailOptions mail;

    @Override
    public Integer call() throws Exception {
        detection.validate(spec);
        try (TraceReader reader = new TraceReader(new LineReader(trace, TraceReader.MAX_LINE_BYTES))) {
            HostFacts host = hostOf(reader.hostFacts());
            Watchdog watchdog;
            // No spool: a replay is run by hand, and a report it cannot mail is printed for its user.
            Outbox outbox = new Outbox(mail.sender(spec, host), null, RootCommand.of(spec).clock,
                    spec.commandLine().getErr());
            try (BackgroundOutbox delivery = new BackgroundOutbox(outbox)) {
                watchdog = detection.watchdog(new ReportFormatter(host, "trace " + trace), delivery);
                for (Sample sample = reader.next(); sample != null; sample = reader.next()) {
                    watchdog.accept(sample);
                }
                watchdog.finish();
            }
            return watchdog.reportsMade() > 0 ? ExitCodes.ANOMALY_REPORTED : ExitCodes.OK;
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
