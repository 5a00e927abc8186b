package io.github.stealwatch.cli;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.mail.MailAddress;
import io.github.stealwatch.mail.PrintSender;
import io.github.stealwatch.mail.ReportSender;
import io.github.stealwatch.mail.SmtpSender;
import io.github.stealwatch.mail.SmtpSettings;
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

    /** A sender for these options; {@code host} names the default sender address. */
    ReportSender sender(CommandSpec spec, HostFacts host) {
        SmtpSettings settings = smtp.settings(spec);
        if (printsReports()) {
            return new PrintSender(spec.commandLine().getOut());
        }
        return new SmtpSender(settings, envelope(spec, host));
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
