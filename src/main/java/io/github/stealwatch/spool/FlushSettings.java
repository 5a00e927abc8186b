package io.github.stealwatch.spool;

import io.github.stealwatch.mail.SmtpSettings;
import java.nio.file.Path;

/** What {@code stealwatch flush} runs with, checked: the spool and the SMTP server. */
public record FlushSettings(Path spoolDirectory, int spoolMax, SmtpSettings smtp) {
}
