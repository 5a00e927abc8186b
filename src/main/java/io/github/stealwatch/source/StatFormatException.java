package io.github.stealwatch.source;

/** Input that is not what /proc/stat or a trace file should hold; the message quotes the line. */
public final class StatFormatException extends Exception {

    public StatFormatException(String problem, int lineNumber, String lineText) {
        super("line " + lineNumber + ": " + problem + ": \"" + abbreviate(lineText) + "\"");
    }

    public StatFormatException(String problem) {
        super(problem);
    }

    private static String abbreviate(String text) {
        // /proc/stat's intr line can run to thousands of characters; an error line must stay one line.
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
