package io.github.stealwatch.cli;

/** The exit codes, after the monitoring-plugins convention so cron and monitoring can act on them. */
final class ExitCodes {

    static final int OK = 0;
    static final int ANOMALY_REPORTED = 2;
    static final int CANNOT_MEASURE = 3;
    /** flush: reports are still in the spool afterwards. */
    static final int REPORTS_WAITING = 1;

    /** What {@code --help} says of each, in picocli's "code:description" form. */
    static final String HELP_HEADING = "%nExit codes:%n";
    static final String HELP_OK = "0:nothing anomalous was seen";
    static final String HELP_WARNING_OR_WAITING = "1:check: WARNING; flush: reports still wait in the spool";
    static final String HELP_ANOMALY = "2:a steal anomaly was reported (replay, audit, watch --once, check: "
            + "CRITICAL), mailed, spooled or printed";
    static final String HELP_CANNOT_MEASURE = "3:the input cannot be read or parsed, or the command line is wrong";
    static final String HELP_CANNOT_MEASURE_SPOOL = "3:the spool cannot be read, or the command line is wrong";

    private ExitCodes() {
    }
}
