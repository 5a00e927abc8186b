package io.github.stealwatch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets how much the log says, from {@code --verbose} and {@code --quiet}. */
final class LogLevels {

    private LogLevels() {
    }

    static void apply(boolean verbose, boolean quiet) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : quiet ? Level.WARN : Level.INFO);
    }
}
