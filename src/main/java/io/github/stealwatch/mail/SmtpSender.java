package io.github.stealwatch.mail;

import io.github.stealwatch.report.Report;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Date;
import java.util.Properties;

/** Mails reports over SMTP with jakarta.mail; the only class that knows jakarta.mail exists. */
public final class SmtpSender implements ReportSender {

    private final SmtpSettings settings;
    private final Envelope envelope;
    private Session session; // made on the first send: a run that mails nothing never loads it

    /** @throws IllegalArgumentException when an address does not parse, so the CLI can refuse it at start */
    public SmtpSender(SmtpSettings settings, Envelope envelope) {
        this.settings = settings;
        this.envelope = envelope;
        MailAddress.check(envelope.from(), "--mail-from");
        MailAddress.check(envelope.to(), "--mail-to");
    }

    private synchronized Session session() throws DeliveryException {
        if (session == null) {
            session = Session.getInstance(properties(settings));
        }
        return session;
    }

    private static Properties properties(SmtpSettings settings) throws DeliveryException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
        properties.setProperty("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
        if (settings.startTls()) {
            // Required, not just enabled: otherwise a server that hides STARTTLS gets the password in clear.
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            // Said, not left to the default: the certificate must name the host we connected to.
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        if (settings.caFile() != null) {
            try {
                properties.put("mail.smtp.ssl.socketFactory", CaCertificates.socketFactory(settings.caFile()));
            } catch (IOException | GeneralSecurityException e) {
                throw new DeliveryException("cannot use --smtp-ca-file " + settings.caFile() + ": " + e.getMessage(),
                        e);
            }
        }
        if (settings.user() != null) {
            properties.setProperty("mail.smtp.auth", "true");
        }
        return properties;
    }

    @Override
    public void send(Report report, Envelope to) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(MailAddress.parse(to.from(), "From"));
            message.setRecipient(Message.RecipientType.TO, MailAddress.parse(to.to(), "To"));
            message.setSubject(report.subject(), StandardCharsets.UTF_8.name());
            message.setText(report.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            if (settings.user() != null) {
                Transport.send(message, settings.user(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (SendFailedException e) {
            // The server is up and talking, and refused this message's sender, recipient or data.
            throw new DeliveryException(RelayErrors.oneLine(e, settings), e, true);
        } catch (MessagingException e) {
            throw new DeliveryException(RelayErrors.oneLine(e, settings), e);
        } catch (IllegalArgumentException badAddress) {
            throw new DeliveryException(badAddress.getMessage(), badAddress);
        }
    }

    @Override
    public Envelope envelope() {
        return envelope;
    }

    @Override
    public String destination() {
        return settings.destination(envelope);
    }

    @Override
    public boolean canFailForAWhile() {
        return true;
    }
}
