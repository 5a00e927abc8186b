package io.github.stealwatch.report;

/** A finished report: what a mail's subject and body say. */
public record Report(String subject, String body) {

    /** The report as {@code --mail-to -} prints it: a Subject: line, a blank line, the body. */
    public String asText() {
        return "Subject: " + subject + "\n\n" + body;
    }
}
