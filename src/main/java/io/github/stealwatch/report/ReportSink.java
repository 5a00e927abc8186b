package io.github.stealwatch.report;

/** Where finished reports go: a mailer, standard output, later a spool. */
public interface ReportSink {

    /** Takes the report; must not block the caller, which is the sampling thread. */
    void deliver(Report report);
}
