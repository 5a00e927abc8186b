package io.github.stealwatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Builds the picocli command line with our error handling, exit codes and logging set up. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine newCommandLine() {
        ErrorMessages errors = new ErrorMessages();
        CommandLine commandLine = new CommandLine(new RootCommand())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setExecutionStrategy(parseResult -> {
                    boolean verbose = ErrorMessages.isVerbose(parseResult);
                    boolean quiet = ErrorMessages.isQuiet(parseResult);
                    if (verbose && quiet) {
                        throw new ParameterException(parseResult.commandSpec().commandLine(),
                                "--verbose and --quiet exclude each other");
                    }
                    LogLevels.apply(verbose, quiet);
                    return new CommandLine.RunLast().execute(parseResult);
                });
        commandLine.setCommandName("stealwatch");
        return commandLine;
    }
}
