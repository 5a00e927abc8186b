package io.github.stealwatch.cli;

import io.github.stealwatch.time.Clock;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code stealwatch} command and the options every subcommand takes; {@link Subcommands} adds those. */
@Command(name = "stealwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watches the CPU steal-time counter in /proc/stat for jumps and runs backwards.",
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_WARNING_OR_WAITING, ExitCodes.HELP_ANOMALY,
                ExitCodes.HELP_CANNOT_MEASURE})
final class RootCommand {

    static final String VERBOSE = "--verbose";
    static final String QUIET = "--quiet";

    @Option(names = {"-v", VERBOSE}, scope = ScopeType.INHERIT,
            description = "Log debug detail, and show stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", QUIET}, scope = ScopeType.INHERIT, description = "Log only warnings and errors.")
    boolean quiet;

    /** Read before parsing, by {@link ConfigFile#forArguments}; declared so picocli accepts and documents it. */
    @Option(names = ConfigFile.OPTION, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Defaults for any option, as a properties file: key = the option's name without "
                    + "dashes, e.g. mail-to=ops@example.org (default: " + ConfigFile.DEFAULT_PATH
                    + " when it exists).")
    Path config;

    /** Where time comes from: the system clock, or a test's fake. */
    final Clock clock;

    /** The configuration file in use, or an empty one. */
    ConfigFile configFile = ConfigFile.NONE;

    /** Why the configuration file was refused, or null; reported once the command line is parsed. */
    String configError;

    RootCommand(Clock clock) {
        this.clock = clock;
    }

    /** The root command of the command line {@code spec} belongs to. */
    static RootCommand of(CommandSpec spec) {
        return (RootCommand) spec.root().userObject();
    }
}
