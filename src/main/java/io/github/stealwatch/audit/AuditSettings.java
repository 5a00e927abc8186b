package io.github.stealwatch.audit;

import io.github.stealwatch.mail.MailSettings;
import io.github.stealwatch.watch.DetectionSettings;
import java.nio.file.Path;

/**
 * What {@code stealwatch audit} runs with, checked and with every default resolved.
 *
 * @param durationNanos     how long the live window samples
 * @param textfileDirectory where the metrics file goes; null for none
 */
public record AuditSettings(Path procRoot, Path sysRoot, long intervalNanos, long durationNanos,
                            DetectionSettings detection, MailSettings mail, Path spoolDirectory, int spoolMax,
                            Path stateFile, Path textfileDirectory) {
}
