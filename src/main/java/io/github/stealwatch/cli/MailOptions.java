package io.github.stealwatch.cli;

import io.github.stealwatch.mail.PrintSender;
import io.github.stealwatch.mail.ReportSender;
import io.github.stealwatch.mail.SmtpSender;
import io.github.stealwatch.mail.SmtpSettings;
import io.github.stealwatch.source.HostFacts;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where reports go: shared by watch and replay. */
final class MailOptions {

    static final String TO_STANDARD_OUTPUT = "-";

    @Option(names = "--mail-to", paramLabel = "ADDRESS", defaultValue = "root",
            description = "Recipient of reports; - prints them to standard output instead (default: ${DEFAULT-VALUE}).")
    String to;

    @Option(names = "--mail-from", paramLabel = "ADDRESS",
            description = "Sender of reports (default: stealwatch@<host name>).")
    String from;

    @Option(names = "--smtp-host", paramLabel = "HOST", defaultValue = "localhost",
            description = "SMTP server (default: ${DEFAULT-VALUE}).")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25",
            description = "SMTP port (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    ReportSender sender(CommandSpec spec, HostFacts host) {
        if (smtpPort < 1 || smtpPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--smtp-port must be from 1 to 65535, not " + smtpPort);
        }
        if (TO_STANDARD_OUTPUT.equals(to)) {
            return new PrintSender(spec.commandLine().getOut());
        }
        String sender = from != null ? from : "stealwatch@" + host.hostName();
        try {
            return new SmtpSender(new SmtpSettings(smtpHost, smtpPort, sender, to,
                    SmtpSettings.DEFAULT_CONNECT_TIMEOUT, SmtpSettings.DEFAULT_READ_TIMEOUT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e, null, to);
        }
    }
}
