package io.github.stealwatch.mail;

/** A report that did not reach its recipient; the message says why in one line. */
public final class DeliveryException extends Exception {

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
