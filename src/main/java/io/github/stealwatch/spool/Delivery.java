package io.github.stealwatch.spool;

import io.github.stealwatch.report.Report;
import java.io.IOException;

/**
 * How reports reach the mail server without being lost: in this process ({@link Outbox}), or
 * handed to a short-lived {@code stealwatch flush} process ({@link DeliveryAgent}). Blocking: call
 * it off the sampling thread.
 */
public interface Delivery {

    /** Sends what waits in the spool, then this report; what cannot be sent now is spooled. */
    Outbox.Outcome deliver(Report report);

    /** Sends the spooled reports, oldest first, until the spool is empty or the server fails. */
    FlushResult flush() throws IOException;

    /** Reports waiting in the spool now. */
    int waiting() throws IOException;

    /** Where reports go, for log lines: "root via localhost:25", "standard output". */
    String destination();
}
