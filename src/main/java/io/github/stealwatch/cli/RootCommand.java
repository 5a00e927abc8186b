package io.github.stealwatch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code stealwatch} command: its subcommands and the options every one of them takes. */
@Command(name = "stealwatch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Watches the CPU steal-time counter in /proc/stat for jumps and runs backwards.",
        subcommands = {WatchCommand.class, ReplayCommand.class, RecordCommand.class},
        exitCodeListHeading = ExitCodes.HELP_HEADING,
        exitCodeList = {ExitCodes.HELP_OK, ExitCodes.HELP_ANOMALY, ExitCodes.HELP_CANNOT_MEASURE})
final class RootCommand {

    static final String VERBOSE = "--verbose";
    static final String QUIET = "--quiet";

    @Option(names = {"-v", VERBOSE}, scope = ScopeType.INHERIT,
            description = "Log debug detail, and show stack traces of errors.")
    boolean verbose;

    @Option(names = {"-q", QUIET}, scope = ScopeType.INHERIT, description = "Log only warnings and errors.")
    boolean quiet;
}
