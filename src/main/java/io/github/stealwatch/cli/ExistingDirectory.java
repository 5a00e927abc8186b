package io.github.stealwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Refuses an option naming a directory that is not one, with the one line a user can act on. */
final class ExistingDirectory {

    private ExistingDirectory() {
    }

    static void require(CommandSpec spec, String option, Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), option + " " + directory
                    + (Files.exists(directory) ? ": not a directory" : ": no such directory"));
        }
    }
}
