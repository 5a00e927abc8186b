package io.github.stealwatch.watch;

import io.github.stealwatch.log.ErrorText;
import io.github.stealwatch.log.LogLevel;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.time.SystemClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code stealwatch watch --settings FILE}: the long-running watch as its unit starts it, from the
 * settings {@code --write-settings} resolved, without loading the command line's parser (picocli's
 * classes and model cost a watch 4.7 MiB for as long as it runs: src/bench/README.md, "Memory").
 * Errors are one line on standard error and exit code 3, as everywhere else.
 */
public final class WatchFromSettings {

    /** The command line's arguments that start a watch this way, and no other. */
    public static final String SUBCOMMAND = "watch";
    public static final String OPTION = "--settings";

    /**
     * The exit codes of {@code stealwatch watch} (the manual, "Exit codes and errors"), the same as
     * the command line's.
     */
    static final int OK = 0;
    static final int ANOMALY_REPORTED = 2;
    static final int CANNOT_MEASURE = 3;

    private WatchFromSettings() {
    }

    /** True when {@code args} are exactly {@code watch --settings FILE}. */
    public static boolean handles(String... args) {
        return args.length == 3 && args[0].equals(SUBCOMMAND) && args[1].equals(OPTION);
    }

    /** Runs {@code watch --settings FILE}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            WatchSettings settings = WatchSettingsFile.read(Path.of(args[2]));
            settings.logLevel().apply();
            int reports = new WatchRunner(settings, new SystemClock(), out, err).run();
            return reports > 0 ? ANOMALY_REPORTED : OK;
        } catch (IOException | StatFormatException | IllegalArgumentException e) {
            err.println("stealwatch watch: " + ErrorText.describe(e));
            if (LogLevel.current() == LogLevel.DEBUG) {
                e.printStackTrace(err);
            }
            err.flush();
            return CANNOT_MEASURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        }
    }
}
