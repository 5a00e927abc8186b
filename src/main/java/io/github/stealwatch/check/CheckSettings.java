package io.github.stealwatch.check;

import io.github.stealwatch.mail.MailSettings;
import io.github.stealwatch.watch.DetectionSettings;
import java.nio.file.Path;

/**
 * What {@code stealwatch check} runs with, checked and with every default resolved.
 *
 * @param durationNanos how long the window samples
 * @param json          one JSON object instead of the status line
 * @param mail          where a report goes; null when the check mails nothing (the default)
 */
public record CheckSettings(Path procRoot, Path sysRoot, long intervalNanos, long durationNanos,
                            DetectionSettings detection, Thresholds thresholds, boolean json, MailSettings mail) {
}
