package io.github.stealwatch.cli;

import io.github.stealwatch.mail.CaCertificates;
import io.github.stealwatch.mail.SmtpSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** How to reach and log in to the SMTP server: for every command that mails, and for flush. */
final class SmtpOptions {

    @Option(names = "--smtp-host", paramLabel = "HOST", defaultValue = "localhost",
            description = "SMTP server (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--smtp-port", paramLabel = "PORT", defaultValue = "25",
            description = "SMTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--smtp-starttls",
            description = "Upgrade the SMTP connection with STARTTLS, and refuse to send without it.")
    boolean startTls;

    @Option(names = "--smtp-user", paramLabel = "USER",
            description = "Log in to the SMTP server as USER; the password comes from --smtp-password-file "
                    + "or smtp-password in the configuration file, never from the command line.")
    String user;

    @Option(names = "--smtp-password-file", paramLabel = "FILE",
            description = "A file whose first line is the SMTP password; it must not be readable by group "
                    + "or others.")
    Path passwordFile;

    @Option(names = "--smtp-ca-file", paramLabel = "PEM",
            description = "With --smtp-starttls: trust the SMTP server's certificate when it chains to a CA "
                    + "certificate in this PEM file, instead of the JVM's trusted CAs; the server's name is "
                    + "checked all the same.")
    Path caFile;

    /**
     * These options as a command line gives them, for the flush the watch hands its reports to. Not
     * the password: that comes from the same file, or the same configuration file, never argv.
     */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--smtp-host", host, "--smtp-port", Integer.toString(port)));
        if (startTls) {
            arguments.add("--smtp-starttls");
        }
        if (user != null) {
            arguments.addAll(List.of("--smtp-user", user));
        }
        if (passwordFile != null) {
            arguments.addAll(List.of("--smtp-password-file", passwordFile.toString()));
        }
        if (caFile != null) {
            arguments.addAll(List.of("--smtp-ca-file", caFile.toString()));
        }
        return arguments;
    }

    SmtpSettings settings(CommandSpec spec) {
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--smtp-port must be from 1 to 65535, not " + port);
        }
        String password = password(spec);
        if (user == null && password != null) {
            throw new ParameterException(spec.commandLine(), "an SMTP password is set but --smtp-user is not");
        }
        if (user != null && password == null) {
            throw new ParameterException(spec.commandLine(), "--smtp-user needs a password: give "
                    + "--smtp-password-file FILE, or smtp-password in the configuration file");
        }
        if (caFile != null) {
            if (!startTls) {
                throw new ParameterException(spec.commandLine(), "--smtp-ca-file is for the certificate a "
                        + "STARTTLS relay shows: give --smtp-starttls too");
            }
            try {
                CaCertificates.check(caFile);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return new SmtpSettings(host, port, startTls, user, password, caFile, SmtpSettings.DEFAULT_CONNECT_TIMEOUT,
                SmtpSettings.DEFAULT_READ_TIMEOUT);
    }

    private String password(CommandSpec spec) {
        if (passwordFile == null) {
            return RootCommand.of(spec).configFile.password();
        }
        try {
            return SecretFiles.readPassword(passwordFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --smtp-password-file "
                    + passwordFile + ": " + ErrorMessages.describe(e));
        }
    }
}
