package io.github.stealwatch.mail;

/**
 * Who a report is from and to. A spooled report keeps its own, so a report spooled for one
 * recipient is not delivered to another after the configuration changed.
 */
public record Envelope(String from, String to) {
}
