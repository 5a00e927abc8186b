package io.github.stealwatch.watch;

import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.report.ReportSink;

/** Makes a watchdog with the user's detection settings, for a command that needs one of its own. */
public interface WatchdogFactory {

    Watchdog create(ReportFormatter formatter, ReportSink sink, AnomalyListener listener);
}
