package io.github.stealwatch.cli;

import io.github.stealwatch.check.CheckRunner;
import io.github.stealwatch.check.CheckSettings;
import io.github.stealwatch.check.PluginLine;
import io.github.stealwatch.check.Thresholds;
import io.github.stealwatch.check.Verdict;
import io.github.stealwatch.source.HostFactsReader;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code stealwatch check}: samples a short window and prints one verdict for a person or a monitoring system. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sample /proc/stat for a short window with the same detection as watch, and print one "
                + "status line in the monitoring-plugins format (or JSON) on standard output.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {"0:OK", "1:WARNING: the steal share is above --warning",
                "2:CRITICAL: the steal counter misbehaved, or the share is above --critical",
                "3:UNKNOWN: /proc/stat cannot be read or parsed, or the command line is wrong"})
final class CheckCommand implements Callable<Integer>, StatusOnFailure {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    SamplingOptions sampling;

    @Mixin
    DetectionOptions detection;

    @Mixin
    MailOptions mail;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long to sample (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warning", paramLabel = "PCT",
            description = "WARNING when steal is more than PCT percent of CPU time over the window (default: off).")
    Double warning;

    @Option(names = "--critical", paramLabel = "PCT",
            description = "CRITICAL when steal is more than PCT percent of CPU time over the window (default: off).")
    Double critical;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text: one status line with performance data; json: one JSON object "
                    + "(default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws Exception {
        return new CheckRunner(settings(), RootCommand.of(spec).clock, spec.commandLine().getOut(),
                spec.commandLine().getErr()).run().state().exitCode();
    }

    /** What the options and the configuration file come to, checked. */
    CheckSettings settings() {
        validate();
        // A check typed by hand answers on the terminal; it mails only when --mail-to is given.
        boolean mailing = spec.commandLine().getParseResult().hasMatchedOption("--mail-to");
        return new CheckSettings(sampling.procRoot, sampling.sysRoot, sampling.interval.toNanos(), duration.toNanos(),
                detection.settings(spec), new Thresholds(warning, critical), format == Format.json,
                mailing ? mail.settings(spec, HostFactsReader.read(sampling.procRoot)) : null);
    }

    @Override
    public void printUnknown(PrintWriter out, String message, List<String> args) {
        boolean json = format != null ? format == Format.json
                : args.contains("--format=json") || args.indexOf("--format") + 1 == args.indexOf("json");
        CheckRunner.print(out, Verdict.unknown(message), null, json);
    }

    private void validate() {
        sampling.validate(spec, duration);
        requirePercent(warning, "--warning");
        requirePercent(critical, "--critical");
        if (warning != null && critical != null && warning > critical) {
            throw new ParameterException(spec.commandLine(), "--warning " + PluginLine.number(warning)
                    + " is above --critical " + PluginLine.number(critical));
        }
    }

    private void requirePercent(Double value, String option) {
        if (value != null && !(value >= 0 && value <= 100)) {
            throw new ParameterException(spec.commandLine(), option + " must be a percentage from 0 to 100, not "
                    + PluginLine.number(value));
        }
    }
}
