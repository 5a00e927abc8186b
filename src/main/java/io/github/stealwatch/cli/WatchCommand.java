package io.github.stealwatch.cli;

import io.github.stealwatch.log.LogLevel;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.SmtpSettings;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.spool.Spool;
import io.github.stealwatch.watch.WatchFromSettings;
import io.github.stealwatch.watch.WatchRunner;
import io.github.stealwatch.watch.WatchSettings;
import io.github.stealwatch.watch.WatchSettingsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code stealwatch watch}: turns the options into {@link WatchSettings} and runs the watch with
 * them, or writes them to a file for a watch started with {@code --settings} (the unit's way).
 */
@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Poll /proc/stat, catch a flaky steal-time counter, record the samples around it and mail them.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_ANOMALY, ExitCodes.HELP_CANNOT_MEASURE})
final class WatchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(WatchCommand.class);

    /** Prometheus scrapes every 15 s or more: rewriting the file more than once a second buys nothing. */
    private static final Duration MIN_TEXTFILE_INTERVAL = Duration.ofSeconds(1);

    static final String WRITE_SETTINGS = "--write-settings";

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

    @Option(names = WRITE_SETTINGS, paramLabel = "FILE",
            description = "Check the options and the configuration file, write the settings they give to FILE "
                    + "and exit, without watching: for the unit's ExecStartPre=, so that its watch starts "
                    + "with --settings FILE.")
    Path writeSettings;

    @Option(names = WatchFromSettings.OPTION, paramLabel = "FILE",
            description = "Watch with the settings --write-settings wrote to FILE, and no other option: the "
                    + "unit's way, which never loads the command line's parser.")
    Path settingsFile;

    @Override
    public Integer call() throws Exception {
        WatchSettings settings;
        if (settingsFile != null) {
            if (spec.commandLine().getParseResult().matchedOptions().size() > 1) {
                throw new ParameterException(spec.commandLine(), WatchFromSettings.OPTION
                        + " takes no other option: the file holds them all");
            }
            settings = WatchSettingsFile.read(settingsFile);
        } else {
            settings = settings();
        }
        if (writeSettings != null) {
            WatchSettingsFile.write(writeSettings, settings);
            LOG.info("settings written to {}", writeSettings);
            return ExitCodes.OK;
        }
        int reports = new WatchRunner(settings, RootCommand.of(spec).clock, spec.commandLine().getOut(),
                spec.commandLine().getErr()).run();
        return reports > 0 ? ExitCodes.ANOMALY_REPORTED : ExitCodes.OK;
    }

    /** What the options and the configuration file come to, checked. */
    WatchSettings settings() {
        sampling.validate(spec);
        if (textfileInterval.compareTo(MIN_TEXTFILE_INTERVAL) < 0) {
            throw new ParameterException(spec.commandLine(), "--textfile-interval must be at least "
                    + DurationConverter.format(MIN_TEXTFILE_INTERVAL) + ", not "
                    + DurationConverter.format(textfileInterval));
        }
        Spool spool = spooling.spool(spec);
        Path textfileDirectory = textfiles.directory(spec);
        return new WatchSettings(sampling.procRoot, sampling.sysRoot, sampling.interval.toNanos(),
                detection.settings(spec), spool.directory(), spool.maxReports(), textfileDirectory,
                textfileInterval.toNanos(), once, mail(spool, logLevel()), logLevel());
    }

    /** From --verbose or --quiet, given before or after the subcommand's name. */
    private LogLevel logLevel() {
        CommandLine.ParseResult root = spec.root().commandLine().getParseResult();
        return LogLevel.of(ErrorMessages.isVerbose(root), ErrorMessages.isQuiet(root));
    }

    /** The envelope is checked here, at start, and the flush's command line made: the watch loads no mail code. */
    private WatchSettings.Mail mail(Spool spool, LogLevel logLevel) {
        HostFacts host = HostFactsReader.read(sampling.procRoot);
        if (mail.printsReports()) {
            return new WatchSettings.Mail(true, "", MailOptions.TO_STANDARD_OUTPUT, "standard output", List.of());
        }
        SmtpSettings smtp = mail.smtp.settings(spec);
        Envelope envelope = mail.envelope(spec, host);
        return new WatchSettings.Mail(false, envelope.from(), envelope.to(), smtp.destination(envelope),
                FlushProcess.command(spool, mail.smtp, RootCommand.of(spec).configFile, logLevel));
    }
}
