package io.github.stealwatch.cli;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.MailAddress;
import io.github.stealwatch.mail.MailSettings;
import io.github.stealwatch.source.HostFacts;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where reports go: shared by the commands that send them. */
final class MailOptions {

    static final String TO_STANDARD_OUTPUT = "-";

    @Option(names = "--mail-to", paramLabel = "ADDRESS", defaultValue = "root",
            description = "Recipient of reports; - prints them to standard output instead (default: ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--mail-from", paramLabel = "ADDRESS",
            description = "Sender of reports (default: stealwatch@<host name>).")
    String from;

    @Mixin
    SmtpOptions smtp;

    /** Whether reports go to standard output rather than to a mail server. */
    boolean printsReports() {
        return TO_STANDARD_OUTPUT.equals(to);
    }

    /** The settings these options give, checked; {@code host} names the default sender address. */
    MailSettings settings(CommandSpec spec, HostFacts host) {
        if (printsReports()) {
            smtp.settings(spec); // checked all the same: a bad option is an error however reports go
            return MailSettings.toStandardOutput();
        }
        return new MailSettings(false, smtp.settings(spec), envelope(spec, host));
    }

    /** The sender and recipient, checked: a bad address is refused at start, not at the first report. */
    Envelope envelope(CommandSpec spec, HostFacts host) {
        String sender = from != null ? from : "stealwatch@" + host.hostName();
        try {
            MailAddress.check(sender, "--mail-from");
            MailAddress.check(to, "--mail-to");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, to);
        }
        return new Envelope(sender, to);
    }
}
