package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.stealwatch.log.LogLevel;
import io.github.stealwatch.mail.TestCertificates;
import io.github.stealwatch.watch.WatchSettings;
import io.github.stealwatch.watch.WatchSettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The watch gets the same settings whichever way it starts: typed by hand (the command line parsed
 * in the watch's own process), or as the unit starts it (parsed by {@code --write-settings} in
 * ExecStartPre, read from the file by {@code --settings}), from options or from the configuration
 * file. Every option of watch is tried, and a new one that this test does not know fails it.
 */
class WatchSettingsPathsTest {

    /** Options that are not settings: they choose what the command does. */
    private static final Set<String> NOT_SETTINGS = Set.of("--help", "--version", "--config",
            WatchCommand.WRITE_SETTINGS, "--settings");

    @TempDir
    static Path temp;

    /** Each option of watch, with what it needs beside it, and a value other than its default. */
    private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

    @BeforeAll
    static void values() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("dir"));
        Path password = temp.resolve("password");
        Files.writeString(password, "secret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
        Path ca = TestCertificates.make(temp.resolve("certs"), "Test CA", "dns:relay.example.org").caPem();
        VALUES.put("--proc-root", List.of("--proc-root", dir.toString()));
        VALUES.put("--sys-root", List.of("--sys-root", dir.toString()));
        VALUES.put("--interval", List.of("--interval", "250ms"));
        VALUES.put("--max-delta", List.of("--max-delta", "100000"));
        VALUES.put("--lump-allowance", List.of("--lump-allowance", "5s"));
        VALUES.put("--samples", List.of("--samples", "7"));
        VALUES.put("--cpus", List.of("--cpus", "3"));
        VALUES.put("--cooldown", List.of("--cooldown", "2m"));
        VALUES.put("--mail-to", List.of("--mail-to", "ops@example.org"));
        VALUES.put("--mail-from", List.of("--mail-from", "watch@example.org"));
        VALUES.put("--smtp-host", List.of("--smtp-host", "relay.example.org"));
        VALUES.put("--smtp-port", List.of("--smtp-port", "2525"));
        VALUES.put("--smtp-starttls", List.of("--smtp-starttls"));
        VALUES.put("--smtp-user", List.of("--smtp-user", "watch", "--smtp-password-file", password.toString()));
        VALUES.put("--smtp-password-file", List.of("--smtp-user", "other", "--smtp-password-file", password.toString()));
        VALUES.put("--smtp-ca-file", List.of("--smtp-starttls", "--smtp-ca-file", ca.toString()));
        VALUES.put("--spool-dir", List.of("--spool-dir", dir.toString()));
        VALUES.put("--spool-max", List.of("--spool-max", "12"));
        VALUES.put("--textfile-dir", List.of("--textfile-dir", dir.toString()));
        VALUES.put("--textfile-interval", List.of("--textfile-interval", "30s"));
        VALUES.put("--once", List.of("--once"));
        VALUES.put("--verbose", List.of("--verbose"));
        VALUES.put("--quiet", List.of("--quiet"));
    }

    @Test
    void everyOptionOfWatchIsTried() {
        Set<String> options = new TreeSet<>();
        for (OptionSpec option : Cli.newCommandLine("watch").getSubcommands().get("watch").getCommandSpec().options()) {
            options.add(option.longestName());
        }
        options.removeAll(NOT_SETTINGS);

        assertEquals(options, new TreeSet<>(VALUES.keySet()));
    }

    @Test
    void eachOptionGivesTheSameSettingsTypedByHandAsThroughTheSettingsFile() throws Exception {
        WatchSettings defaults = parsed(List.of());
        for (Map.Entry<String, List<String>> option : VALUES.entrySet()) {
            WatchSettings byHand = parsed(option.getValue());

            assertNotEquals(defaults, byHand, option.getKey() + " changes nothing");
            assertEquals(byHand, throughTheFile(option.getValue()), option.getKey());
        }
    }

    @Test
    void eachKeyOfTheConfigurationFileGivesWhatItsOptionGives() throws Exception {
        for (Map.Entry<String, List<String>> option : VALUES.entrySet()) {
            StringBuilder config = new StringBuilder();
            List<String> words = option.getValue();
            for (int i = 0; i < words.size(); i++) {
                boolean flag = i + 1 == words.size() || words.get(i + 1).startsWith("--");
                config.append(words.get(i).substring(2)).append(" = ").append(flag ? "true" : words.get(++i))
                        .append('\n');
            }
            Path file = temp.resolve("stealwatch.properties");
            Files.writeString(file, config);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            List<String> fromFile = List.of("--config", file.toString());

            // The flush is handed the configuration file, so its command line names it: compare the rest.
            assertEquals(withoutFlush(parsed(option.getValue())), withoutFlush(parsed(fromFile)), option.getKey());
            assertEquals(parsed(fromFile), throughTheFile(fromFile), option.getKey());
        }
    }

    @Test
    void verboseTypedByHandWinsOverQuietInTheConfigurationFile() throws Exception {
        Path file = temp.resolve("quiet.properties");
        Files.writeString(file, "quiet = true\n");
        List<String> options = List.of("--config", file.toString(), "--verbose");

        assertEquals(LogLevel.DEBUG, parsed(options).logLevel());
        assertEquals(LogLevel.WARN, parsed(List.of("--config", file.toString())).logLevel());
    }

    /** The settings the watch runs with when typed by hand: parsed in this process, as Main would. */
    private static WatchSettings parsed(List<String> options) {
        String[] args = arguments(options);
        CommandLine commandLine = Cli.newCommandLine(args);
        Cli.useConfigFile(commandLine, args);
        commandLine.parseArgs(args);
        WatchCommand watch = commandLine.getSubcommands().get("watch").getCommand();
        return watch.settings();
    }

    /** The settings a watch started with --settings reads: written by --write-settings in another run. */
    private static WatchSettings throughTheFile(List<String> options) throws Exception {
        Path file = temp.resolve("watch.settings");
        List<String> write = new ArrayList<>(options);
        write.addAll(List.of(WatchCommand.WRITE_SETTINGS, file.toString()));
        CliRun written = CliRun.run(arguments(write));
        assertEquals(0, written.exitCode, written.toString());
        return WatchSettingsFile.read(file);
    }

    private static String[] arguments(List<String> options) {
        List<String> args = new ArrayList<>(List.of("watch"));
        args.addAll(options);
        return args.toArray(String[]::new);
    }

    private static WatchSettings withoutFlush(WatchSettings settings) {
        WatchSettings.Mail mail = settings.mail();
        return new WatchSettings(settings.procRoot(), settings.sysRoot(), settings.intervalNanos(),
                settings.detection(), settings.spoolDirectory(), settings.spoolMax(), settings.textfileDirectory(),
                settings.textfileIntervalNanos(), settings.once(),
                new WatchSettings.Mail(mail.printed(), mail.from(), mail.to(), mail.destination(), List.of()),
                settings.logLevel());
    }
}
