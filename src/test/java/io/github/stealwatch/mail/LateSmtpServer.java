package io.github.stealwatch.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;

/**
 * A real SMTP server (GreenMail) whose port is chosen now and which starts only when told: a
 * relay that is down, then comes up. Until then nothing listens there and connections are refused.
 */
public final class LateSmtpServer implements AutoCloseable {

    private final int port;
    private GreenMail server;

    public LateSmtpServer() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    public MimeMessage[] received() {
        return server.getReceivedMessages();
    }

    /** Waits up to {@code millis} for {@code count} messages in all; true if they came. */
    public boolean awaitReceived(int count, long millis) {
        return server.waitForIncomingEmail(millis, count);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
