package io.github.stealwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time tool, run by Maven before the tests (pom.xml, "docs"): writes the AsciiDoc man pages
 * and the bash completion script from the same picocli model the command line runs, so neither can
 * drift from {@code --help}. It lives with the tests because picocli-codegen must never reach the
 * jar, and because the root command gets its subcommands only from {@link Cli#newCommandLine}:
 * picocli's generators, given the class alone, would see none.
 */
public final class DocsGenerator {

    /** What picocli makes of {@link ExitCodes#HELP_HEADING}, and the heading man-pages(7) wants instead. */
    private static final String GENERATED_EXIT_HEADING = "==  Exit codes:";
    private static final String EXIT_HEADING = "== Exit status";
    private static final String SEE_ALSO = "\n\n== See also\n\n*stealwatch*(1)\n";
    private static final String DESCRIPTION_END = "// end::picocli-generated-man-section-description[]";

    private DocsGenerator() {
    }

    /**
     * {@code DocsGenerator TEMPLATE_DIR MAN_DIR COMPLETION_FILE}. A hand-written page in
     * TEMPLATE_DIR replaces the generated page of its name, which is kept as {@code _NAME} for it
     * to include (Asciidoctor renders no file whose name starts with "_"). Exits non-zero on
     * failure, which fails the build.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DocsGenerator TEMPLATE_DIR MAN_DIR COMPLETION_FILE");
            System.exit(2);
        }
        CommandLine commandLine = Cli.newCommandLine();
        Path manDir = Path.of(args[1]);
        int status = ManPageGenerator.generateManPage(manDir.toFile(), null, new boolean[0], true,
                commandLine.getCommandSpec());
        if (status != 0) {
            System.err.println("picocli's ManPageGenerator failed with status " + status);
            System.exit(status);
        }
        finishPages(manDir);
        useTemplates(Path.of(args[0]), manDir);
        Path completion = Path.of(args[2]);
        Files.writeString(completion, completionScript(commandLine), StandardCharsets.UTF_8);
    }

    /**
     * What picocli's pages lack: the exit status under its man-pages(7) name; on each subcommand's
     * page, the manual's own section on it (src/docs/commands.adoc, tagged by the subcommand's name;
     * the build sets {@code docsdir}) and a pointer to stealwatch(1).
     */
    private static void finishPages(Path manDir) throws IOException {
        try (DirectoryStream<Path> pages = Files.newDirectoryStream(manDir, "stealwatch*.adoc")) {
            for (Path page : pages) {
                String name = page.getFileName().toString().replaceFirst("\\.adoc$", "");
                String text = Files.readString(page, StandardCharsets.UTF_8)
                        .replace(GENERATED_EXIT_HEADING, EXIT_HEADING);
                if (name.startsWith("stealwatch-")) {
                    String tag = name.substring("stealwatch-".length());
                    text = text.replace(DESCRIPTION_END,
                            "include::{docsdir}/commands.adoc[tag=" + tag + "]\n\n" + DESCRIPTION_END) + SEE_ALSO;
                }
                Files.writeString(page, text, StandardCharsets.UTF_8);
            }
        }
    }

    private static void useTemplates(Path templateDir, Path manDir) throws IOException {
        try (DirectoryStream<Path> templates = Files.newDirectoryStream(templateDir, "*.adoc")) {
            for (Path template : templates) {
                Path generated = manDir.resolve(template.getFileName());
                if (!Files.exists(generated)) {
                    throw new IOException(template + " replaces no generated page");
                }
                Path kept = manDir.resolve("_" + template.getFileName());
                Files.move(generated, kept, StandardCopyOption.REPLACE_EXISTING);
                Files.copy(template, generated);
            }
        }
    }

    /**
     * picocli's bash script without its {@code #!} line: a completion file is sourced, never run
     * (lintian's bash-completion-with-hashbang).
     */
    static String completionScript(CommandLine commandLine) {
        String script = AutoComplete.bash("stealwatch", commandLine);
        return script.startsWith("#!") ? script.substring(script.indexOf('\n') + 1) : script;
    }
}
