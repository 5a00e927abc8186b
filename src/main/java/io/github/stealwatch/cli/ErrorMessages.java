package io.github.stealwatch.cli;

import io.github.stealwatch.source.StatFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
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
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof StatFormatException || e instanceof IOException) {
            return e.getMessage();
        }
        return "internal error: " + e + " (run with --verbose for the stack trace)";
    }

    static boolean isVerbose(ParseResult parseResult) {
        return matchedAnywhere(parseResult, RootCommand.VERBOSE);
    }

    static boolean isQuiet(ParseResult parseResult) {
        return matchedAnywhere(parseResult, RootCommand.QUIET);
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
