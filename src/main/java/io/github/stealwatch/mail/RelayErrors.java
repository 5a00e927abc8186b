package io.github.stealwatch.mail;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;

/**
 * One readable line for a failed conversation with the relay. jakarta.mail nests the real cause
 * (a refused connection, a timeout) a level or two down; a certificate the JVM does not accept
 * comes wrapped three times and repeats itself, so it is said once, with what to do about it.
 */
final class RelayErrors {

    private RelayErrors() {
    }

    static String oneLine(Exception e, SmtpSettings settings) {
        String certificate = certificateProblem(e, settings);
        if (certificate != null) {
            return certificate;
        }
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(" ").append(cause.getMessage().strip());
            }
        }
        return text.toString().replace('\n', ' ');
    }

    /** What is wrong with the relay's certificate, or null when the failure is not about one. */
    private static String certificateProblem(Throwable e, SmtpSettings settings) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return "the relay's certificate is outside its validity dates: " + cause.getMessage();
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return settings.caFile() == null
                        ? "the relay's certificate is not trusted (PKIX): give its CA with --smtp-ca-file"
                        : "the relay's certificate does not chain to a CA in --smtp-ca-file " + settings.caFile()
                                + " (PKIX)";
            }
            // sun.security.util.HostnameChecker's words when the certificate names another host.
            if (cause instanceof CertificateException && cause.getMessage() != null
                    && cause.getMessage().matches("No (subject alternative )?(DNS )?names? matching .*")) {
                return "the relay's certificate does not name " + settings.host() + " (" + cause.getMessage() + ")";
            }
        }
        return null;
    }
}
