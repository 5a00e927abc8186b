package io.github.stealwatch.report;

/** Where finished reports go: the mail thread (and through it the spool), or a list (audit). */
public interface ReportSink {

    /** Takes the report; must not block the caller, which is the sampling thread. */
    void deliver(Report report);
}
