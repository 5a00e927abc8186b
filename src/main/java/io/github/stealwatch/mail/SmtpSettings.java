package io.github.stealwatch.mail;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach the SMTP server.
 *
 * @param startTls       upgrade the connection with STARTTLS and refuse to go on without it
 * @param user           the login name, or null to send without authenticating
 * @param password       the password for {@code user}; never from the command line
 * @param caFile         a PEM file of the CA certificates to trust for the server's certificate
 *                       instead of the JVM's, or null for the JVM's
 * @param connectTimeout how long to wait for the TCP connection
 * @param readTimeout    how long to wait for each answer of the server; jakarta.mail waits forever
 *                       by default, which would pile up reports behind one dead server
 */
public record SmtpSettings(String host, int port, boolean startTls, String user, String password, Path caFile,
                           Duration connectTimeout, Duration readTimeout) {

    /** Long enough for a slow relay, short enough that a dead one is noticed within a minute. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    /** Plain SMTP without a login, with the default timeouts: a local relay. */
    public static SmtpSettings plain(String host, int port) {
        return new SmtpSettings(host, port, false, null, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public SmtpSettings withTimeouts(Duration connect, Duration read) {
        return new SmtpSettings(host, port, startTls, user, password, caFile, connect, read);
    }

    /** Where mail to {@code envelope} goes, for log lines: "root via localhost:25". */
    public String destination(Envelope envelope) {
        return envelope.to() + " via " + host + ":" + port;
    }

    @Override
    public String toString() {
        // Never print the password, whatever logs a record.
        return "SmtpSettings[" + host + ":" + port + (startTls ? ", STARTTLS" : "")
                + (caFile != null ? ", CA " + caFile : "")
                + (user != null ? ", user " + user : "") + "]";
    }
}
