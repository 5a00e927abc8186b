package io.github.stealwatch.watch;

import io.github.stealwatch.log.LogLevel;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the watch runs with, checked and with every default resolved: what the command line
 * and the configuration file come to, and what {@link WatchSettingsFile} carries to a watch that
 * starts without them.
 *
 * @param procRoot              where {@code stat} is read
 * @param sysRoot               where the machine's kind is read, for a report's diagnosis
 * @param intervalNanos         the time between samples
 * @param spoolDirectory        where recordings and reports wait for the flush
 * @param spoolMax              the most reports the spool keeps
 * @param textfileDirectory     where the metrics file goes; null for none
 * @param textfileIntervalNanos how often the metrics file is rewritten
 * @param once                  whether to stop after the first report
 * @param logLevel              how much the log says
 */
public record WatchSettings(Path procRoot, Path sysRoot, long intervalNanos, DetectionSettings detection,
                            Path spoolDirectory, int spoolMax, Path textfileDirectory, long textfileIntervalNanos,
                            boolean once, Mail mail, LogLevel logLevel) {

    /**
     * Where reports go.
     *
     * @param printed      true for standard output ({@code --mail-to -}): reports are made in the watch
     * @param from         the sender, checked
     * @param to           the recipient, checked
     * @param destination  for log lines: "root via localhost:25", "standard output"
     * @param flushCommand the {@code stealwatch flush} that mails what the spool holds; empty when printed
     */
    public record Mail(boolean printed, String from, String to, String destination, List<String> flushCommand) {

        public Mail {
            flushCommand = List.copyOf(flushCommand);
        }
    }
}
