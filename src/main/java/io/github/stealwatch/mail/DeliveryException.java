package io.github.stealwatch.mail;

/**
 * A report that did not reach its recipient; the message says why in one line.
 * {@link #refusedByServer()} tells a server that answered but would not take this one message (a
 * recipient it rejects) from one that could not be reached or would not talk at all: the first
 * need not hold back the reports behind it.
 */
public final class DeliveryException extends Exception {

    private final boolean refusedByServer;

    public DeliveryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    public DeliveryException(String message, Throwable cause, boolean refusedByServer) {
        super(message, cause);
        this.refusedByServer = refusedByServer;
    }

    public boolean refusedByServer() {
        return refusedByServer;
    }
}
