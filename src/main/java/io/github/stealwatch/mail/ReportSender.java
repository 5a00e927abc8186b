package io.github.stealwatch.mail;

import io.github.stealwatch.report.Report;

/** Sends one report and returns when it has been accepted, or throws. Blocking; call it off the sampling thread. */
public interface ReportSender {

    /** Sends to the envelope given when the sender was made. */
    default void send(Report report) throws DeliveryException {
        send(report, envelope());
    }

    void send(Report report, Envelope envelope) throws DeliveryException;

    /** The sender and recipient this sender was set up with. */
    Envelope envelope();

    /** Where reports go, for log lines: "root via localhost:25", "standard output". */
    String destination();

    /** Whether a report it could not send is worth keeping for later: true for mail, false for a printer. */
    boolean canFailForAWhile();
}
