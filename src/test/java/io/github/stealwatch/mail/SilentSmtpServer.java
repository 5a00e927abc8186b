package io.github.stealwatch.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A server that accepts SMTP connections and never says a word: a relay that hangs. */
public final class SilentSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> clients = new ArrayList<>();
    private final Thread acceptor;

    public SilentSmtpServer() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket client = server.accept();
                    synchronized (clients) {
                        clients.add(client);
                    }
                }
            } catch (IOException closed) {
                // close() was called
            }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        synchronized (clients) {
            return clients.size();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (clients) {
            for (Socket client : clients) {
                client.close();
            }
        }
    }
}
