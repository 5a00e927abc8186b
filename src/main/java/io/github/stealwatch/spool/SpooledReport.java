package io.github.stealwatch.spool;

import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.report.Report;
import java.time.Instant;

/** A report waiting in the spool, with everything needed to mail it later. */
public record SpooledReport(Envelope envelope, Instant spooledAt, Report report) {
}
