package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man pages and the completion script the build generated (pom.xml, "docs") cover every
 * subcommand and every option of the command line as it runs: a new option that reaches neither
 * fails here. The completion is asked the way bash asks it on TAB.
 */
class DocsGeneratorTest {

    private static final CommandLine COMMAND_LINE = Cli.newCommandLine();

    static List<String> subcommands() {
        return Subcommands.NAMES;
    }

    @Test
    void theRootPageListsEverySubcommandAndTheRootOptions() throws IOException {
        String page = troff("stealwatch");
        for (String name : Subcommands.NAMES) {
            assertTrue(page.contains("stealwatch-" + name + "(1)"), "no pointer to stealwatch-" + name + "(1)");
            assertTrue(page.contains("\n" + name + "\n"), "COMMANDS does not list " + name);
        }
        assertOptionsIn(page, COMMAND_LINE.getCommandSpec(), "stealwatch(1)");
        assertTrue(page.contains("EXIT STATUS"), "no EXIT STATUS section");
        assertTrue(page.contains("FILES") && page.contains("/etc/stealwatch/stealwatch.properties"), "no FILES");
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void eachSubcommandHasAPageWithAllItsOptions(String name) throws IOException {
        CommandSpec spec = COMMAND_LINE.getSubcommands().get(name).getCommandSpec();
        Path adocPage = path("docs.adoc").resolve("stealwatch-" + name + ".adoc");
        String adoc = Files.readString(adocPage, StandardCharsets.UTF_8);
        assertOptionsIn(adoc, spec, "stealwatch-" + name + ".adoc");
        assertTrue(adoc.contains("include::{docsdir}/commands.adoc[tag=" + name + "]"),
                "stealwatch-" + name + ".adoc does not include the manual's section on " + name);
        String page = troff("stealwatch-" + name);
        assertOptionsIn(page, spec, "stealwatch-" + name + "(1)");
        assertTrue(page.contains("EXIT STATUS"), "no EXIT STATUS section");
        assertTrue(page.contains("stealwatch(1)"), "no SEE ALSO stealwatch(1)");
    }

    @Test
    void theWatchPageExplainsTheDetectionAsTheManualDoes() throws IOException {
        String page = troff("stealwatch-watch");
        for (String heading : List.of("Steal arrives in lumps", "The rule", "Choosing the lump allowance")) {
            assertTrue(page.contains(heading), "stealwatch-watch(1) has no section " + heading);
        }
    }

    @Test
    void tabAfterTheCommandOffersEverySubcommand() throws Exception {
        assertEquals(Subcommands.NAMES, complete("stealwatch", ""));
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void tabAfterTwoDashesOffersEveryLongOption(String name) throws Exception {
        List<String> offered = complete("stealwatch", name, "--");
        for (OptionSpec option : COMMAND_LINE.getSubcommands().get(name).getCommandSpec().options()) {
            if (!option.hidden() && option.longestName().startsWith("--")) {
                assertTrue(offered.contains(option.longestName()),
                        name + ": TAB does not offer " + option.longestName());
            }
        }
    }

    @Test
    void theCompletionScriptIsSourcedNotRun() throws IOException {
        String script = Files.readString(path("docs.completion"), StandardCharsets.UTF_8);
        assertFalse(script.startsWith("#!"), "a completion file has no #! line (lintian)");
    }

    private static void assertOptionsIn(String page, CommandSpec spec, String where) {
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                for (String optionName : option.names()) {
                    assertTrue(page.contains(optionName), where + " does not document " + optionName);
                }
            }
        }
    }

    /** A troff page as man would see its words: dashes unescaped, font changes removed. */
    private static String troff(String page) throws IOException {
        String text = Files.readString(path("docs.man").resolve(page + ".1"), StandardCharsets.UTF_8);
        return text.replace("\\-", "-").replaceAll("\\\\f[BIRP]", "");
    }

    /**
     * What the completion function puts in COMPREPLY for the words typed, the cursor after the
     * last, as bash's programmable completion calls it.
     */
    private static List<String> complete(String... words) throws Exception {
        String typed = String.join(" ", words);
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "source \"$0\" 2>/dev/null; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; "
                        + "COMP_POINT=${#COMP_LINE}; _complete_stealwatch 2>/dev/null; "
                        + "printf '%s\\n' \"${COMPREPLY[@]}\"",
                path("docs.completion").toString()));
        command.addAll(Arrays.asList(words));
        Process bash = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash did not finish completing " + typed);
        assertEquals(0, bash.exitValue(), "bash failed completing " + typed);
        return out.lines().filter(line -> !line.isBlank()).toList();
    }

    /** A path the build passed to the tests (pom.xml, surefire's system properties). */
    private static Path path(String property) {
        String value = System.getProperty(property);
        assertTrue(value != null, property + " is not set: run the tests with Maven, which generates the docs first");
        return Path.of(value);
    }
}
