package io.github.stealwatch;

import io.github.stealwatch.cli.Cli;

/** The entry point: {@link #run} returns the exit code, so tests can call it without exiting. */
public final class Main {

    private Main() {
    }

    public static int run(String... args) {
        return Cli.execute(Cli.newCommandLine(args), args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }
}
