package io.github.stealwatch.cli;

import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.watch.ReplayRunner;
import io.github.stealwatch.watch.ReplaySettings;
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
        // The default sender names the host replaying the trace; a trace's own host is the report's.
        ReplaySettings settings = new ReplaySettings(trace, detection.settings(spec),
                mail.settings(spec, HostFactsReader.read(Path.of("/proc"))));
        int reports = new ReplayRunner(settings, RootCommand.of(spec).clock, spec.commandLine().getOut(),
                spec.commandLine().getErr()).run();
        return reports > 0 ? ExitCodes.ANOMALY_REPORTED : ExitCodes.OK;
    }
}
