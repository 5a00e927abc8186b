package io.github.stealwatch.cli;

import io.github.stealwatch.metrics.MetricsCommand;
import io.github.stealwatch.metrics.Textfile;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where watch and audit publish their metrics for node_exporter's textfile collector; off unless given. */
final class TextfileOptions {

    @Option(names = "--textfile-dir", paramLabel = "DIR",
            description = "Write metrics for node_exporter's textfile collector to DIR/stealwatch_<command>.prom "
                    + "(the units use /run/stealwatch; the manual, \"The fleet view\"). Default: none.")
    Path directory;

    /** The command's metrics file, or null when none is asked for. */
    Textfile textfile(CommandSpec spec, MetricsCommand command) {
        Path checked = directory(spec);
        return checked == null ? null : new Textfile(checked, command);
    }

    /** The directory, checked, or null when none is asked for. */
    Path directory(CommandSpec spec) {
        if (directory != null) {
            ExistingDirectory.require(spec, "--textfile-dir", directory);
        }
        return directory;
    }
}
