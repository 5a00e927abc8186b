package io.github.stealwatch.mail;

import java.time.Duration;

/**
 * Where and how to mail reports.
 *
 * @param connectTimeout how long to wait for the TCP connection
 * @param readTimeout    how long to wait for each answer of the server; jakarta.mail waits forever
 *                       by default, which would pile up reports behind one dead server
 */
public record SmtpSettings(String host, int port, String from, String to, Duration connectTimeout,
                           Duration readTimeout) {

    /** Long enough for a slow relay, short enough that a dead one is noticed within a minute. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
}
