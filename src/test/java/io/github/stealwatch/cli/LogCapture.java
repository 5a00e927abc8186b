package io.github.stealwatch.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Collects what the program logs while it is open: "LEVEL message" per line. */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    String text() {
        return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
