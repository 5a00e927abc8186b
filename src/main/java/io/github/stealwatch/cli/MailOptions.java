package io.github.stealwatch.cli;

import io.github.stealwatch.mail.Envelope;
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

    /** A sender for these options; {@code host} names the default sender address. */
    ReportSender sender(CommandSpec spec, HostFacts host) {
        SmtpSettings settings = smtp.settings(spec);
        if (TO_STANDARD_OUTPUT.equals(to)) {
            return new PrintSender(spec.commandLine().getOut());
        }
        String sender = from != null ? from : "stealwatch@" + host.hostName();
        try {
            return new SmtpSender(settings, new Envelope(sender, to));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, to);
        }
    }
}
