package io.github.stealwatch.state;

/** A state file that exists but cannot be read as one; the message names the file and the fault. */
public final class CorruptStateException extends Exception {

    public CorruptStateException(String message) {
        super(message);
    }
}
