package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line's help, version and every user error, with its exit code and its one line. */
class CliTest {

    @TempDir
    Path temp;

    @Test
    void helpListsTheSubcommandsAndTheExitCodes() {
        CliRun run = CliRun.run("--help");

        assertEquals(0, run.exitCode, run.toString());
        for (String expected : new String[] {"watch", "replay", "record", "Exit codes:",
                "2   a steal anomaly was reported", "3   the input cannot be read"}) {
            assertTrue(run.out.contains(expected), expected + " missing from\n" + run.out);
        }
    }

    @ParameterizedTest
    @CsvSource({"watch, --max-delta", "watch, --lump-allowance", "check, --lump-allowance", "audit, --lump-allowance",
        "replay, --lump-allowance", "watch, --once", "replay, --mail-to", "record, --duration"})
    void eachSubcommandHasHelpWithItsOptionsAndTheExitCodes(String subcommand, String option) {
        CliRun run = CliRun.run(subcommand, "--help");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains(option) && run.out.contains("Exit codes:"), run.out);
    }

    @Test
    void versionPrintsTheVersion() {
        CliRun run = CliRun.run("--version");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.matches("stealwatch \\d+\\.\\d+\\.\\d+\\R"), run.out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            watch --bogus                          | Unknown option: '--bogus'
            watch --interval 0ms                   | --interval must be positive
            watch --interval fast                  | 'fast' is not a duration
            watch --interval 100                   | '100' is not a duration
            watch --samples 0                      | --samples must be from 1 to 1000, not 0
            watch --samples 2000000000             | --samples must be from 1 to 1000, not 2000000000
            watch --cpus 0                         | --cpus must be at least 1, not 0
            watch --max-delta -5                   | '-5' is neither 'auto' nor a number of ticks
            watch --lump-allowance soon            | 'soon' is not a duration
            audit --lump-allowance 87601h          | '87601h' is too long: at most 87600h
            watch --smtp-port 70000                | --smtp-port must be from 1 to 65535, not 70000
            watch --mail-to root@@x                | --mail-to 'root@@x' is not a mail address
            watch --proc-root /nonexistent         | no such file: /nonexistent/stat
            replay                                 | Missing required parameter: 'FILE'
            replay /nonexistent.trace              | no such file: /nonexistent.trace
            record                                 | Missing required option: '--out=FILE'
            record --out x --duration 0s           | --duration must be positive
            frobnicate                             | Unmatched argument at index 0: 'frobnicate'
            """)
    void userErrorsAreOneLineAndExitCode3(String args, String message) {
        CliRun run = CliRun.run(args.split(" "));

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.err.contains(message), run.toString());
        assertEquals(1, run.err.lines().count(), run.toString());
        assertEquals("", run.out);
    }

    @Test
    void verboseAndQuietExcludeEachOther() {
        CliRun run = CliRun.run("--verbose", "--quiet", "watch");

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("stealwatch watch: --verbose and --quiet exclude each other"), run.toString());
    }

    @Test
    void evenThatIsAnUnknownStatusLineForCheck() {
        CliRun run = CliRun.run("check", "-v", "-q");

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("STEAL UNKNOWN - --verbose and --quiet exclude each other\n", run.out);
    }

    @Test
    void aTraceWithABadLineNamesTheLine() {
        CliRun run = CliRun.run("replay", "--mail-to", "-", resource("/traces/bad-line.trace"));

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.err.contains("line 3: counter 8 is not a number"), run.toString());
        assertEquals(1, run.err.lines().count(), run.toString());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.run("replay", "--verbose", "--mail-to", "-", resource("/traces/bad-line.trace"));

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.err.contains("at io.github.stealwatch."), run.toString());
    }

    @Test
    void aKernelWithoutStealIsRefusedAtStart() throws Exception {
        Files.copy(Paths.get(resource("/proc-stat/no-steal-7-columns.txt")), temp.resolve("stat"));

        CliRun run = CliRun.run("watch", "--proc-root", temp.toString(), "--mail-to", "-");

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.err.contains("this kernel does not report steal time"), run.toString());
        assertEquals(1, run.err.lines().count(), run.toString());
    }

    @Test
    void aHealthyTraceExits0AndSaysNothingOnStandardOutput() {
        CliRun run = CliRun.run("replay", "--mail-to", "-", resource("/traces/healthy-2cpu.trace"));

        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.out);
        assertFalse(run.err.contains("WARN"), run.err);
    }

    static String resource(String name) {
        try {
            return Paths.get(CliTest.class.getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
