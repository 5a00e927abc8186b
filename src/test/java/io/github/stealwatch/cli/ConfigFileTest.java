package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.source.GrowingStat;
import io.github.stealwatch.source.ProcRoots;
import io.github.stealwatch.time.FakeClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The configuration file gives the options' defaults; the command line wins; a typo or a leaky password is refused. */
class ConfigFileTest {

    /** The file the Debian package installs as /etc/stealwatch/stealwatch.properties. */
    private static final Path PACKAGED = Path.of("src/deb/stealwatch.properties");

    @TempDir
    Path temp;

    private Path procRoot;
    private final FakeClock clock = new FakeClock();

    @BeforeEach
    void machine() throws Exception {
        procRoot = Files.createDirectories(temp.resolve("proc"));
        GrowingStat stat = new GrowingStat(procRoot, "kvm-guest-2cpu-linux-6.18.txt");
        clock.onSleep(() -> stat.step(10, 1));
    }

    @Test
    void theFileSetsDefaultsAndASubcommandKeyBeatsAPlainOne() throws Exception {
        Path config = config("format=json\nduration=3s\ncheck.duration=1s\nwarning=5\n");

        CliRun run = CliRun.run(clock, "check", "--config", config.toString(), "--proc-root", procRoot.toString());

        assertEquals(1, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("{\"state\":\"WARNING\""), run.out);
        assertTrue(run.out.contains("\"seconds\":1.000,"), run.out);
    }

    @Test
    void theCommandLineWinsOverTheFile() throws Exception {
        Path config = config("format=json\nwarning=5\n");

        CliRun run = CliRun.run(clock, "check", "--config=" + config, "--proc-root", procRoot.toString(),
                "--format", "text", "--warning", "50", "--duration", "1s");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("STEAL OK - steal 10.0% of CPU time over 1.0 s"), run.out);
    }

    @Test
    void theLumpAllowanceCanBeSetInTheFile() throws Exception {
        String lumpyTrace = CliTest.resource("/traces/lumps-every-500ms-2cpu.trace");
        Path config = config("lump-allowance=0s\n");

        CliRun strict = CliRun.run(clock, "replay", "--config", config.toString(), lumpyTrace, "--mail-to", "-");
        CliRun overridden = CliRun.run(clock, "replay", "--config", config.toString(), lumpyTrace, "--mail-to", "-",
                "--lump-allowance", "60s");

        assertEquals(2, strict.exitCode, strict.toString());
        assertEquals(0, overridden.exitCode, overridden.toString());
    }

    @Test
    void theTextfileDirectoryCanBeSetInTheFileForAuditAndIsIgnoredByCheck() throws Exception {
        Path textfiles = Files.createDirectories(temp.resolve("textfiles"));
        Path config = config("textfile-dir=" + textfiles + "\nduration=1s\n");
        ProcRoots.installBoot(procRoot, "8f9561f7-0d62-453c-ac20-269c00c0b540", "1000.00");

        CliRun audit = CliRun.run(clock, "audit", "--config", config.toString(), "--proc-root", procRoot.toString(),
                "--state-file", temp.resolve("audit.state").toString(), "--mail-to", "-");
        CliRun check = CliRun.run(clock, "check", "--config", config.toString(), "--proc-root", procRoot.toString());

        assertEquals(0, audit.exitCode, audit.toString());
        assertTrue(Files.readString(textfiles.resolve("stealwatch_audit.prom"))
                .contains("\nstealwatch_samples_total{command=\"audit\"} 11\n"));
        assertEquals(0, check.exitCode, check.toString());
    }

    @Test
    void aKeyOnlyAnotherCommandKnowsIsAcceptedAndAPrefixedOneToo() throws Exception {
        Path config = config("state-file=" + temp.resolve("audit.state") + "\naudit.duration=5s\nduration=1s\n");

        CliRun check = CliRun.run(clock, "check", "--config", config.toString(), "--proc-root", procRoot.toString());

        assertEquals(0, check.exitCode, check.toString());
    }

    @Test
    void aFileOfTheLargestSizeIsReadAndOneBytePastItIsRefusedInOneLine() throws Exception {
        String settings = "duration=1s\n";
        Path config = config(settings + "#".repeat(ConfigFile.MAX_BYTES - settings.length()));
        Path tooLarge = Files.writeString(temp.resolve("too-large.properties"), Files.readString(config) + "#");

        CliRun read = CliRun.run(clock, "check", "--config", config.toString(), "--proc-root", procRoot.toString());
        CliRun refused = CliRun.run(clock, "check", "--config", tooLarge.toString());

        assertEquals(0, read.exitCode, read.toString());
        assertEquals(3, refused.exitCode, refused.toString());
        assertEquals("stealwatch check: " + tooLarge + " is larger than 65536 bytes: not a stealwatch configuration "
                + "file (see 'stealwatch check --help')\n", refused.err);
    }

    @Test
    void aFileThatIsNotTextIsRefusedNamingTheLine() throws Exception {
        Path config = temp.resolve("binary.properties");
        Files.write(config, new byte[] {'d', '=', '1', '\n', (byte) 0xFF, '\n'});

        CliRun run = CliRun.run(clock, "check", "--config", config.toString());

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("stealwatch check: " + config + " line 2: not text "), run.err);
    }

    @Test
    void anUnknownKeyIsRefusedByName() throws Exception {
        Path config = config("mial-to=ops@example.org\ninterval=1s\n");

        CliRun run = CliRun.run(clock, "check", "--config", config.toString());

        String message = "unknown key(s) in " + config + ": mial-to (keys are option names without dashes, e.g. mail-to)";
        assertEquals(3, run.exitCode, run.toString());
        assertEquals("stealwatch check: " + message + " (see 'stealwatch check --help')\n", run.err);
        assertEquals("STEAL UNKNOWN - " + message + "\n", run.out, "monitoring still reads a status line");
    }

    @Test
    void aMissingFileIsOneLine() {
        CliRun run = CliRun.run(clock, "watch", "--config", temp.resolve("nope.properties").toString());

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("stealwatch watch: no such configuration file: " + temp.resolve("nope.properties")
                + " (see 'stealwatch watch --help')\n", run.err);
    }

    @Test
    void aFileWithAPasswordThatOthersCanReadIsRefused() throws Exception {
        Path config = config("smtp-user=stealwatch\nsmtp-password=s3cret\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        CliRun run = CliRun.run(clock, "check", "--config", config.toString());

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("stealwatch check: " + config + " holds a password but group or others may read it; run: "
                + "chmod 600 " + config + " (see 'stealwatch check --help')\n", run.err);
    }

    @Test
    void aPasswordFileThatTheGroupCanReadIsRefused() throws Exception {
        Path password = temp.resolve("password");
        Files.writeString(password, "s3cret\n");
        Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r-----"));

        CliRun run = CliRun.run(clock, "flush", "--spool-dir", temp.resolve("spool").toString(),
                "--smtp-user", "stealwatch", "--smtp-password-file", password.toString());

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("stealwatch flush: " + password + " holds a password but group or others may read it; run: "
                + "chmod 600 " + password + " (see 'stealwatch flush --help')\n", run.err);
    }

    @Test
    void aPasswordFileOfTheLargestSizeIsReadAndOneBytePastItIsRefusedInOneLine() throws Exception {
        Path largest = temp.resolve("largest");
        Files.writeString(largest, "s3cret\n" + "#".repeat(4096 - 7));
        Files.setPosixFilePermissions(largest, PosixFilePermissions.fromString("rw-------"));
        Path tooLarge = temp.resolve("too-large");
        Files.writeString(tooLarge, Files.readString(largest) + "#");
        Files.setPosixFilePermissions(tooLarge, PosixFilePermissions.fromString("rw-------"));

        CliRun read = CliRun.run(clock, "flush", "--spool-dir", temp.resolve("spool").toString(),
                "--smtp-user", "stealwatch", "--smtp-password-file", largest.toString());
        CliRun refused = CliRun.run(clock, "flush", "--spool-dir", temp.resolve("spool").toString(),
                "--smtp-user", "stealwatch", "--smtp-password-file", tooLarge.toString());

        assertEquals(0, read.exitCode, read.toString());
        assertEquals(3, refused.exitCode, refused.toString());
        assertEquals("stealwatch flush: cannot read --smtp-password-file " + tooLarge + ": " + tooLarge
                + " is larger than 4096 bytes: not a password file (see 'stealwatch flush --help')\n", refused.err);
    }

    @Test
    void aUserWithoutAPasswordIsRefused() {
        CliRun run = CliRun.run(clock, "flush", "--spool-dir", temp.resolve("spool").toString(),
                "--smtp-user", "stealwatch");

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("stealwatch flush: --smtp-user needs a password: give --smtp-password-file "
                + "FILE, or smtp-password in the configuration file"), run.err);
    }

    @Test
    void thereIsNoPasswordOptionForPsToShow() {
        CliRun run = CliRun.run(clock, "flush", "--smtp-password", "s3cret");

        assertEquals(3, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("stealwatch flush: Unknown options: '--smtp-password', 's3cret'"), run.err);
    }

    @Test
    void thePackagedFileSetsNothing() throws Exception {
        assertTrue(ConfigFile.load(PACKAGED).keys().isEmpty(), "every key of " + PACKAGED + " is commented out");
    }

    @Test
    void thePackagedFileNamesEveryKeyAndNoOtherWhenUncommented() throws Exception {
        String uncommented = Files.readString(PACKAGED).replaceAll("(?m)^#(?=[a-z])", "");
        ConfigFile file = ConfigFile.load(config(uncommented));
        CommandLine every = Cli.newCommandLine();

        file.checkKeys(every.getCommandSpec());

        Set<String> named = new TreeSet<>();
        for (String key : file.keys()) {
            named.add(key.substring(key.indexOf('.') + 1));
        }
        Set<String> options = new TreeSet<>(List.of(ConfigFile.PASSWORD_KEY));
        for (CommandLine command : every.getSubcommands().values()) {
            for (OptionSpec option : command.getCommandSpec().options()) {
                options.add(option.longestName().replaceFirst("^-+", ""));
            }
        }
        options.removeAll(ConfigFile.NOT_CONFIGURABLE);
        assertEquals(options, named);
    }

    private Path config(String text) throws Exception {
        Path file = temp.resolve("stealwatch.properties");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
