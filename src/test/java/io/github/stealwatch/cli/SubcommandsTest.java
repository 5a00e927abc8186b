package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A command line gets the model of the subcommand it runs, and all of them only when it names none. */
class SubcommandsTest {

    @ParameterizedTest
    @ValueSource(strings = {"watch", "check", "audit", "flush", "replay", "record"})
    void eachNameMakesTheCommandOfThatName(String name) {
        assertEquals(name, new CommandLine(Subcommands.create(name)).getCommandName());
    }

    @Test
    void theSubcommandIsTheFirstArgumentThatIsNoOptionNorTheConfigFile() {
        assertEquals("watch", Subcommands.named("-v", "--config", "watch.properties", "watch", "--once"));
        assertEquals("audit", Subcommands.named("--config=a.properties", "-q", "audit"));
        assertNull(Subcommands.named("--help"));
        assertNull(Subcommands.named());
    }

    @Test
    void aCommandLineRunningOneSubcommandHasOnlyIt() {
        assertEquals(List.of("watch"), subcommandsFor("-q", "watch", "--mail-to", "-"));
    }

    @Test
    void helpAndATypoGetEverySubcommand() {
        assertEquals(Subcommands.NAMES, subcommandsFor("--help"));
        assertEquals(Subcommands.NAMES, subcommandsFor("wacth"));
        assertEquals(Subcommands.NAMES, subcommandsFor());
    }

    private static List<String> subcommandsFor(String... args) {
        return List.copyOf(Cli.newCommandLine(args).getSubcommands().keySet());
    }
}
