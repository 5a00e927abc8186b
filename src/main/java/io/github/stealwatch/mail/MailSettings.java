package io.github.stealwatch.mail;

import java.io.PrintWriter;

/**
 * Where a one-shot command's reports go, checked: printed on standard output, or mailed through
 * an SMTP server from and to the envelope's addresses.
 *
 * @param smtp null when printed
 */
public record MailSettings(boolean printed, SmtpSettings smtp, Envelope envelope) {

    /** Reports printed on {@code out} ({@code --mail-to -}). */
    public static MailSettings toStandardOutput() {
        return new MailSettings(true, null, new Envelope("", "-"));
    }

    /** A sender for these settings; the SMTP session is made on the first send. */
    public ReportSender sender(PrintWriter out) {
        return printed ? new PrintSender(out) : new SmtpSender(smtp, envelope);
    }
}
