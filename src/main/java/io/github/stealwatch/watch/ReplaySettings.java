package io.github.stealwatch.watch;

import io.github.stealwatch.mail.MailSettings;
import java.nio.file.Path;

/** What {@code stealwatch replay} runs with, checked: the trace, the detection, where reports go. */
public record ReplaySettings(Path trace, DetectionSettings detection, MailSettings mail) {
}
