package io.github.stealwatch.spool;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.report.Report;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * A spool file's text: mail-like header lines, a blank line, the report's body. Plain text so an
 * admin can read a stuck report with {@code less} and send it by hand if it comes to that.
 */
final class SpoolFileFormat {

    private static final String FROM = "From";
    private static final String TO = "To";
    private static final String SUBJECT = "Subject";
    private static final String SPOOLED = "Spooled";

    private SpoolFileFormat() {
    }

    static String write(SpooledReport spooled) {
        return FROM + ": " + spooled.envelope().from() + "\n"
                + TO + ": " + spooled.envelope().to() + "\n"
                + SUBJECT + ": " + spooled.report().subject() + "\n"
                + SPOOLED + ": " + spooled.spooledAt() + "\n"
                + "\n"
                + spooled.report().body();
    }

    /** @throws IllegalArgumentException naming what is missing or wrong */
    static SpooledReport read(String text) {
        int headerEnd = text.indexOf("\n\n");
        if (headerEnd < 0) {
            throw new IllegalArgumentException("no blank line after the headers");
        }
        Map<String, String> headers = new HashMap<>();
        for (String line : text.substring(0, headerEnd).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException("not a header line: '" + line + "'");
            }
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        }
        try {
            return new SpooledReport(new Envelope(required(headers, FROM), required(headers, TO)),
                    Instant.parse(required(headers, SPOOLED)),
                    new Report(required(headers, SUBJECT), text.substring(headerEnd + 2)));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(SPOOLED + " is not a time: " + e.getParsedString(), e);
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name + " header");
        }
        return value;
    }
}
