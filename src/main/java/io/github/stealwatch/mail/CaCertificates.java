package io.github.stealwatch.mail;

import io.github.stealwatch.disk.BoundedText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The CA certificates a relay's certificate must chain to, from a PEM file ({@code --smtp-ca-file}),
 * as postfix's {@code smtp_tls_CAfile} and msmtp's {@code tls_trust_file} take them: they replace
 * the JVM's default trust, and the server's name is still checked against its certificate.
 */
public final class CaCertificates {

    /** A bundle of every public CA is about 200 KiB; a file far beyond that is not a CA file. */
    static final int MAX_BYTES = 1024 * 1024;

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    private CaCertificates() {
    }

    /**
     * Refuses, at start, a file that cannot be a PEM file of certificates: missing, unreadable,
     * too large, or with no certificate in it. It reads text only, so the watch loads none of the
     * JDK's certificate code for it; the certificates are parsed where the mail is sent.
     *
     * @throws IllegalArgumentException with a line that names the file
     */
    public static void check(Path file) {
        String text;
        try {
            text = BoundedText.read(file, MAX_BYTES, "a PEM file of CA certificates");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such --smtp-ca-file: " + file, e);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("permission denied: --smtp-ca-file " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("--smtp-ca-file: " + e.getMessage(), e);
        }
        if (!text.contains(BEGIN)) {
            throw new IllegalArgumentException("--smtp-ca-file " + file + " holds no PEM certificate (" + BEGIN + ")");
        }
    }

    /** A socket factory whose connections trust exactly the certificates in {@code file}. */
    static SSLSocketFactory socketFactory(Path file) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in it");
        }
        int number = 0;
        for (Certificate certificate : certificates) {
            trusted.setCertificateEntry("ca-" + number++, certificate);
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
