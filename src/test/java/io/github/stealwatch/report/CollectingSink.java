package io.github.stealwatch.report;

import java.util.ArrayList;
import java.util.List;

/** Keeps the reports it is given, for tests to look at. */
public final class CollectingSink implements ReportSink {

    private final List<Report> reports = new ArrayList<>();

    @Override
    public void deliver(Report report) {
        reports.add(report);
    }

    public List<Report> reports() {
        return reports;
    }
}
