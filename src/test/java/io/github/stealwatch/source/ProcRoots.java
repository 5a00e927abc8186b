package io.github.stealwatch.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a stat file into a fixture proc root the way a test needs it: whole, by rename. */
public final class ProcRoots {

    private ProcRoots() {
    }

    /** Installs the fixture {@code /proc-stat/<name>} as {@code procRoot/stat}. */
    public static void installFixture(Path procRoot, String name) throws IOException {
        install(procRoot, fixture(name));
    }

    /** Writes {@code content} as {@code procRoot/stat}, replacing it atomically so no read sees half a file. */
    public static void install(Path procRoot, String content) throws IOException {
        Path temp = procRoot.resolve("stat.new");
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        Files.move(temp, procRoot.resolve("stat"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Gives a fixture proc root a boot id and an uptime, as {@code sys/kernel/random/boot_id} and {@code uptime}. */
    public static void installBoot(Path procRoot, String bootId, String uptimeSeconds) throws IOException {
        Files.createDirectories(procRoot.resolve("sys/kernel/random"));
        Files.writeString(procRoot.resolve("sys/kernel/random/boot_id"), bootId + "\n");
        Files.writeString(procRoot.resolve("uptime"), uptimeSeconds + " 3150.25\n");
    }

    /** The text of a fixture, to edit before installing it. */
    public static String fixture(String name) throws IOException {
        try (InputStream in = ProcRoots.class.getResourceAsStream("/proc-stat/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** The text of a golden file under {@code /golden}. */
    public static String golden(String name) {
        try (InputStream in = ProcRoots.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
