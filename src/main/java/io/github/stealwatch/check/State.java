package io.github.stealwatch.check;

/** A check's verdict in the monitoring-plugins convention, with the exit code that carries it. */
public enum State {
    OK(0), WARNING(1), CRITICAL(2), UNKNOWN(3);

    private final int exitCode;

    State(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
