package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every subcommand and every option of the command line as it runs is named in the manual's
 * sources (src/docs), not only in the man pages picocli generates: an option added without a word
 * of explanation fails here. {@link DocsGeneratorTest} checks the man pages the same way.
 */
class ManualCoverageTest {

    @Test
    void theManualNamesEverySubcommandAndEveryOption() throws IOException {
        String manual = manualText();
        CommandLine root = Cli.newCommandLine();
        List<String> missing = new ArrayList<>(missingOptions(manual, "stealwatch", root));
        for (String name : Subcommands.NAMES) {
            if (!manual.contains("stealwatch " + name)) {
                missing.add("stealwatch " + name);
            }
            missing.addAll(missingOptions(manual, "stealwatch " + name, root.getSubcommands().get(name)));
        }
        assertEquals(List.of(), missing);
    }

    private static List<String> missingOptions(String manual, String command, CommandLine commandLine) {
        List<String> missing = new ArrayList<>();
        for (OptionSpec option : commandLine.getCommandSpec().options()) {
            if (!option.hidden() && !manual.contains(option.longestName())) {
                missing.add(command + " " + option.longestName());
            }
        }
        return missing;
    }

    /** The manual's chapters, without the design notes, which are for maintainers. */
    private static String manualText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("src/docs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc"))
                    .filter(f -> !f.getFileName().toString().equals("design.adoc")).sorted().toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }
}
