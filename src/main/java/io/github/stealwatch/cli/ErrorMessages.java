package io.github.stealwatch.cli;

import io.github.stealwatch.log.ErrorText;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on standard error and exit code 3; the stack trace only with
 * {@code --verbose}. Bad command lines and bad input alike: the user is told what is wrong, not
 * where in our code it was noticed.
 */
final class ErrorMessages implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        printStatus(command, e.getMessage(), List.of(args));
        if (isVerbose(command.getParseResult())) {
            e.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return ExitCodes.CANNOT_MEASURE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + describe(e));
        printStatus(command, describe(e), parseResult.originalArgs());
        if (isVerbose(parseResult)) {
            e.printStackTrace(command.getErr());
        }
        command.getErr().flush();
        return ExitCodes.CANNOT_MEASURE;
    }

    private static void printStatus(CommandLine command, String message, List<String> args) {
        if (command.getCommandSpec().userObject() instanceof StatusOnFailure statusCommand) {
            statusCommand.printUnknown(command.getOut(), message, args);
            command.getOut().flush();
        }
    }

    static String describe(Exception e) {
        // An IllegalArgumentException that reaches here is a bug of ours, not the user's input.
        return e instanceof IllegalArgumentException ? "internal error: " + e + " (run with --verbose for the stack "
                + "trace)" : ErrorText.describe(e);
    }

    /**
     * Given on the command line, before or after the subcommand, or set in the configuration file;
     * the command line wins, so {@code --verbose} typed by hand overrides {@code quiet = true}.
     */
    static boolean isVerbose(ParseResult parseResult) {
        return matchedAnywhere(parseResult, RootCommand.VERBOSE)
                || !matchedAnywhere(parseResult, RootCommand.QUIET) && root(parseResult).verbose;
    }

    static boolean isQuiet(ParseResult parseResult) {
        return matchedAnywhere(parseResult, RootCommand.QUIET)
                || !matchedAnywhere(parseResult, RootCommand.VERBOSE) && root(parseResult).quiet;
    }

    private static RootCommand root(ParseResult parseResult) {
        return (RootCommand) parseResult.commandSpec().root().userObject();
    }

    /** Inherited options can be given on the root command or on the subcommand. */
    private static boolean matchedAnywhere(ParseResult parseResult, String option) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

}
