package io.github.stealwatch.log;

import io.github.stealwatch.source.StatFormatException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** An error as the one line a user reads: what went wrong, not where in our code it was noticed. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof StatFormatException || e instanceof IOException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return "internal error: " + e + " (run with --verbose for the stack trace)";
    }
}
