package io.github.stealwatch.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How a log line looks. On a terminal or in a file: time, level, message. Under systemd, when
 * standard error is the journal: the syslog priority as a {@code <N>} prefix (sd-daemon(3)) and no
 * time, which the journal records itself, so {@code journalctl -p warning} shows the warnings.
 */
public final class LogLineLayout extends LayoutBase<ILoggingEvent> {

    private final boolean journal;

    public LogLineLayout() {
        this(JournalStream.isStandardError());
    }

    LogLineLayout(boolean journal) {
        this.journal = journal;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        if (journal) {
            line.append('<').append(syslogPriority(event.getLevel())).append('>');
        } else {
            String level = event.getLevel().toString();
            line.append(Time.FORMAT.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ')
                    .append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        }
        line.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            line.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append(CoreConstants.LINE_SEPARATOR);
        }
        return line.toString();
    }

    /** Loaded on the first line that shows a time: under the journal, java.time's formatting never is. */
    private static final class Time {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .withZone(ZoneId.systemDefault());
    }

    /** syslog(3) priorities: err 3, warning 4, info 6, debug 7. */
    static int syslogPriority(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> 3;
            case Level.WARN_INT -> 4;
            case Level.INFO_INT -> 6;
            default -> 7;
        };
    }
}
