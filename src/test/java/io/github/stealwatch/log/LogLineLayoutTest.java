package io.github.stealwatch.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogLineLayoutTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"ERROR, <3>", "WARN, <4>", "INFO, <6>", "DEBUG, <7>"})
    void underTheJournalEachLineStartsWithItsSyslogPriority(String level, String prefix) {
        String line = new LogLineLayout(true).doLayout(event(Level.toLevel(level), "spool is full"));

        assertEquals(prefix + "spool is full" + System.lineSeparator(), line);
    }

    @Test
    void elsewhereALineStartsWithTheTimeAndTheLevel() {
        String line = new LogLineLayout(false).doLayout(event(Level.WARN, "spool is full"));

        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  spool is full\\R"), line);
    }

    @Test
    void theJournalIsRecognisedByTheDeviceAndInodeOfTheStream() throws Exception {
        Path stream = Files.writeString(temp.resolve("stream"), "");
        long device = ((Number) Files.getAttribute(stream, "unix:dev")).longValue();
        long inode = ((Number) Files.getAttribute(stream, "unix:ino")).longValue();

        assertTrue(JournalStream.matches(device + ":" + inode, stream));
        assertFalse(JournalStream.matches(device + ":" + (inode + 1), stream), "stderr was redirected elsewhere");
        assertFalse(JournalStream.matches(null, stream), "not under systemd");
    }

    private static LoggingEvent event(Level level, String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerContext(new LoggerContext());
        event.setLevel(level);
        event.setMessage(message);
        event.setTimeStamp(System.currentTimeMillis());
        return event;
    }
}
