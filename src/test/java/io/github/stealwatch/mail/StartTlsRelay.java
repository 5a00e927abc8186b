package io.github.stealwatch.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A relay that offers STARTTLS with a given certificate, in front of a real SMTP server
 * (GreenMail, which speaks only plain SMTP or implicit TLS): it answers the greeting, EHLO and
 * STARTTLS itself, upgrades the connection with the certificate, and from then on passes the
 * decrypted conversation to GreenMail, which takes the mail.
 */
public final class StartTlsRelay implements AutoCloseable {

    private final GreenMail backend;
    private final ServerSocket listener;
    private final SSLContext tls;
    private final Thread acceptor;

    public StartTlsRelay(TestCertificates certificates) throws Exception {
        backend = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        backend.start();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificates.serverKeystore())) {
            keys.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, TestCertificates.PASSWORD.toCharArray());
        tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "starttls-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public MimeMessage[] received() {
        return backend.getReceivedMessages();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try (Socket client = listener.accept()) {
                serve(client);
            } catch (IOException e) {
                // A client that gave up (an untrusted certificate) ends only its own connection.
            }
        }
    }

    private void serve(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        say(out, "220 relay ESMTP");
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.toUpperCase();
            if (command.startsWith("EHLO")) {
                say(out, "250-relay\r\n250 STARTTLS");
            } else if (command.equals("STARTTLS")) {
                say(out, "220 go ahead");
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client,
                        client.getInetAddress().getHostAddress(), client.getPort(), false);
                secure.setUseClientMode(false);
                secure.startHandshake();
                relay(secure);
                return;
            } else {
                say(out, command.equals("QUIT") ? "221 bye" : "530 STARTTLS first");
            }
        }
    }

    /** Hands the upgraded conversation to GreenMail, less the greeting the client already had. */
    private void relay(SSLSocket secure) throws IOException {
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), backend.getSmtp().getPort())) {
            InputStream fromServer = server.getInputStream();
            while (fromServer.read() != '\n') {
                // the 220 greeting
            }
            Thread back = new Thread(() -> copy(fromServer, outputOf(secure)), "starttls-relay-back");
            back.setDaemon(true);
            back.start();
            copy(secure.getInputStream(), server.getOutputStream());
            try {
                back.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static OutputStream outputOf(Socket socket) {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(InputStream from, OutputStream to) {
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = from.read(buffer)) > 0; ) {
                to.write(buffer, 0, read);
                to.flush();
            }
        } catch (IOException closed) {
            // one side hung up
        }
    }

    private static void say(Writer out, String reply) throws IOException {
        out.write(reply + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        backend.stop();
    }
}
