package io.github.stealwatch.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Reads a mail address as the SMTP sender will. Apart from {@link SmtpSender}, so that the watch
 * can refuse a bad address at start while loading 25 of jakarta.mail's and Angus's classes (the
 * address, and the encoders its parser sets up), not the ~150 that a session and a message take.
 */
public final class MailAddress {

    private MailAddress() {
    }

    /** @throws IllegalArgumentException naming {@code option} when {@code text} is not one address */
    public static void check(String text, String option) {
        parse(text, option);
    }

    static InternetAddress parse(String text, String option) {
        try {
            // Not strict: a bare local name such as root is what the article mailed, and local relays take it.
            InternetAddress[] addresses = InternetAddress.parse(text, false);
            if (addresses.length != 1 || addresses[0].getAddress().isBlank()) {
                throw new AddressException("expected one address");
            }
            return addresses[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a mail address: " + e.getMessage(), e);
        }
    }
}
