package io.github.stealwatch.log;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Prints logback's own warnings and errors about itself, one line each, and nothing else. With a
 * listener in place logback does not print its status with its StatusPrinter, whose date format
 * loads the time-zone database into every process, the long-running watch included.
 */
final class LogbackProblems implements StatusListener {

    @Override
    public void addStatusEvent(Status status) {
        if (status.getEffectiveLevel() >= Status.WARN) {
            System.err.println("logback: " + status.getMessage()
                    + (status.getThrowable() == null ? "" : ": " + status.getThrowable()));
        }
    }
}
