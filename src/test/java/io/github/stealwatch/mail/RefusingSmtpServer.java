package io.github.stealwatch.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SMTP server that speaks the protocol (RFC 5321) and rejects one recipient with 550, as a
 * relay does for an address it does not know; it takes every other message. GreenMail takes all.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final String refused;
    private final List<String> delivered = new ArrayList<>();

    public RefusingSmtpServer(String refusedRecipient) throws IOException {
        this.refused = refusedRecipient;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The recipients of the messages taken, in order. */
    public List<String> delivered() {
        synchronized (delivered) {
            return List.copyOf(delivered);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                converse(client);
            } catch (IOException closedOrDropped) {
                // the next client, or close()
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        reply(out, "220 refusing.test ESMTP");
        String recipient = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 refusing.test");
            } else if (command.startsWith("RCPT TO:")) {
                recipient = line.substring("RCPT TO:".length()).replaceAll("[<>\\s]", "");
                reply(out, recipient.equals(refused) ? "550 5.1.1 <" + recipient + ">: user unknown" : "250 OK");
            } else if (command.equals("DATA")) {
                reply(out, "354 go on");
                while (!".".equals(in.readLine())) {
                    // the message; only its recipient matters here
                }
                synchronized (delivered) {
                    delivered.add(recipient);
                }
                reply(out, "250 OK queued");
            } else if (command.equals("QUIT")) {
                reply(out, "221 bye");
                return;
            } else {
                reply(out, "250 OK"); // MAIL FROM, RSET, NOOP
            }
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }
}
