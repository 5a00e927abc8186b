package io.github.stealwatch.cli;

import io.github.stealwatch.time.Clock;
import io.github.stealwatch.time.SystemClock;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Builds the picocli command line with our error handling, exit codes, configuration file and logging set up. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine newCommandLine() {
        return newCommandLine(new SystemClock());
    }

    /** A command line whose commands take their time from {@code clock}. */
    public static CommandLine newCommandLine(Clock clock) {
        ErrorMessages errors = new ErrorMessages();
        CommandLine commandLine = new CommandLine(new RootCommand(clock))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(parseResult -> {
                    boolean verbose = ErrorMessages.isVerbose(parseResult);
                    boolean quiet = ErrorMessages.isQuiet(parseResult);
                    if (verbose && quiet) {
                        CommandLine.ParseResult last = parseResult;
                        while (last.hasSubcommand()) {
                            last = last.subcommand();
                        }
                        // Blamed on the subcommand, so check still prints its UNKNOWN line.
                        throw new ParameterException(last.commandSpec().commandLine(),
                                "--verbose and --quiet exclude each other");
                    }
                    LogLevels.apply(verbose, quiet);
                    return new CommandLine.RunLast().execute(parseResult);
                });
        commandLine.setCommandName("stealwatch");
        return commandLine;
    }

    /**
     * Runs {@code args} on a command line made by {@link #newCommandLine}: first loads the
     * configuration file, whose values become the options' defaults, so the command line wins.
     */
    public static int execute(CommandLine commandLine, String... args) {
        RootCommand root = (RootCommand) commandLine.getCommandSpec().userObject();
        try {
            root.configFile = ConfigFile.forArguments(args);
            root.configFile.checkKeys(commandLine.getCommandSpec());
        } catch (ConfigFile.BadConfigException e) {
            commandLine.getErr().println("stealwatch: " + e.getMessage());
            commandLine.getErr().flush();
            return ExitCodes.CANNOT_MEASURE;
        }
        commandLine.setDefaultValueProvider(root.configFile);
        return commandLine.execute(args);
    }
}
