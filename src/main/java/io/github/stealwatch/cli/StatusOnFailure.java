package io.github.stealwatch.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * A command whose every failure must still end in its status on standard output, where
 * monitoring systems read it (check); the one-line error goes to standard error as for the rest.
 */
interface StatusOnFailure {

    /** Prints the UNKNOWN status saying {@code message}; {@code args} tell the output format if parsing failed. */
    void printUnknown(PrintWriter out, String message, List<String> args);
}
