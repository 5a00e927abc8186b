package io.github.stealwatch.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** How much the log says: {@code --verbose} (DEBUG), by default INFO, {@code --quiet} (WARN). */
public enum LogLevel {
    DEBUG(Level.DEBUG), INFO(Level.INFO), WARN(Level.WARN);

    private final Level level;

    LogLevel(Level level) {
        this.level = level;
    }

    public static LogLevel of(boolean verbose, boolean quiet) {
        return verbose ? DEBUG : quiet ? WARN : INFO;
    }

    /** Sets the root logger to this level. */
    public void apply() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(level);
    }

    /** The level the root logger has now. */
    public static LogLevel current() {
        org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        return root.isDebugEnabled() ? DEBUG : root.isInfoEnabled() ? INFO : WARN;
    }
}
