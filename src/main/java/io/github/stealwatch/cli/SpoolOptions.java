package io.github.stealwatch.cli;

import io.github.stealwatch.spool.Spool;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where reports wait when the mail server does not take them: watch, audit and flush. */
final class SpoolOptions {

    @Option(names = "--spool-dir", paramLabel = "DIR",
            description = "Where undeliverable reports wait, one file each (default: $STATE_DIRECTORY/spool "
                    + "under systemd, else " + StateLocations.SPOOL_DIR + ").")
    Path directory;

    @Option(names = "--spool-max", paramLabel = "N", defaultValue = "" + Spool.DEFAULT_MAX_REPORTS,
            description = "Most reports kept in the spool; beyond it new reports are dropped with a warning, "
                    + "and the next report delivered says how many (default: ${DEFAULT-VALUE}).")
    int maxReports;

    Spool spool(CommandSpec spec) {
        if (maxReports < 1) {
            throw new ParameterException(spec.commandLine(), "--spool-max must be at least 1, not " + maxReports);
        }
        return new Spool(directory != null ? directory : StateLocations.spoolDirectory(), maxReports,
                RootCommand.of(spec).clock);
    }
}
