package io.github.stealwatch.cli;

import io.github.stealwatch.log.LogLevel;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.time.SystemClock;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Builds the picocli command line with our error handling, exit codes, configuration file and logging set up. */
public final class Cli {

    private Cli() {
    }

    /** A command line for {@code args}: with the subcommand they run, or all when they name none. */
    public static CommandLine newCommandLine(String... args) {
        return newCommandLine(new SystemClock(), args);
    }

    /** The same, with commands that take their time from {@code clock}. */
    public static CommandLine newCommandLine(Clock clock, String... args) {
        ErrorMessages errors = new ErrorMessages();
        CommandLine commandLine = new CommandLine(new RootCommand(clock));
        Subcommands.addFor(commandLine, args);
        commandLine
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(parseResult -> {
                    // Errors found before the subcommand runs are blamed on it, so check still
                    // prints its UNKNOWN line.
                    CommandLine.ParseResult last = parseResult;
                    while (last.hasSubcommand()) {
                        last = last.subcommand();
                    }
                    String configError = ((RootCommand) parseResult.commandSpec().userObject()).configError;
                    if (configError != null) {
                        throw new ParameterException(last.commandSpec().commandLine(), configError);
                    }
                    boolean verbose = ErrorMessages.isVerbose(parseResult);
                    boolean quiet = ErrorMessages.isQuiet(parseResult);
                    if (verbose && quiet) {
                        throw new ParameterException(last.commandSpec().commandLine(),
                                "--verbose and --quiet exclude each other");
                    }
                    LogLevel.of(verbose, quiet).apply();
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
        useConfigFile(commandLine, args);
        return commandLine.execute(args);
    }

    /** Loads the configuration file {@code args} name (or the default one), whose values become the options' defaults. */
    static void useConfigFile(CommandLine commandLine, String... args) {
        RootCommand root = (RootCommand) commandLine.getCommandSpec().userObject();
        try {
            root.configFile = ConfigFile.forArguments(args);
            checkConfigKeys(commandLine, root);
        } catch (ConfigFile.BadConfigException e) {
            // Told once the command line is parsed, as the subcommand's error: check then still
            // prints its UNKNOWN status line.
            root.configError = e.getMessage();
        }
        commandLine.setDefaultValueProvider(root.configFile);
    }

    /**
     * Refuses a key no command knows. A command line with one subcommand knows only its options:
     * a key it does not know is checked again against all six, built for this check alone, so a
     * file shared by every command is not refused by each.
     */
    private static void checkConfigKeys(CommandLine commandLine, RootCommand root)
            throws ConfigFile.BadConfigException {
        try {
            root.configFile.checkKeys(commandLine.getCommandSpec());
        } catch (ConfigFile.BadConfigException unknownHere) {
            if (Subcommands.hasAll(commandLine)) {
                throw unknownHere;
            }
            CommandLine everyCommand = new CommandLine(new RootCommand(root.clock));
            Subcommands.addAll(everyCommand);
            root.configFile.checkKeys(everyCommand.getCommandSpec());
        }
    }
}
