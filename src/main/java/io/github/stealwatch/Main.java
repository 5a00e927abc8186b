package io.github.stealwatch;

import io.github.stealwatch.cli.Cli;
import io.github.stealwatch.log.JournalStream;
import io.github.stealwatch.watch.WatchFromSettings;
import java.io.PrintWriter;

/** The entry point: {@link #run} returns the exit code, so tests can call it without exiting. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command {@code args} name. {@code watch --settings FILE}, the long-running watch as
     * its unit starts it, runs without loading the command line's parser at all.
     */
    public static int run(String... args) {
        if (WatchFromSettings.handles(args)) {
            return WatchFromSettings.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        }
        return Cli.execute(Cli.newCommandLine(args), args);
    }

    public static void main(String[] args) {
        int exitCode = run(args);
        JournalStream.lingerBeforeExit();
        System.exit(exitCode);
    }
}
