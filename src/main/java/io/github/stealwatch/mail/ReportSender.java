package io.github.stealwatch.mail;

import io.github.stealwatch.report.Report;

/** Sends one report and returns when it has been accepted, or throws. Blocking; call it off the sampling thread. */
public interface ReportSender {

    void send(Report report) throws DeliveryException;

    /** Where reports go, for log lines: "root via localhost:25", "standard output". */
    String destination();
}
