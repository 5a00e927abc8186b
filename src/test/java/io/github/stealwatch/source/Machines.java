package io.github.stealwatch.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The machine fixtures under {@code /machines}: a proc root and a sys root per kind of machine. */
public final class Machines {

    private Machines() {
    }

    public static Path procRoot(String machine) {
        return root(machine).resolve("proc");
    }

    public static Path sysRoot(String machine) {
        return root(machine).resolve("sys");
    }

    /** The facts a reader finds in a fixture. */
    public static HostFacts hostFacts(String machine) {
        return HostFactsReader.read(procRoot(machine), sysRoot(machine));
    }

    /** Copies a fixture's proc files (cpuinfo, cmdline, kernel release) into a test's own proc root. */
    public static void installProc(Path procRoot, String machine) throws IOException {
        Path from = procRoot(machine);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = procRoot.resolve(from.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Path root(String machine) {
        try {
            return Path.of(Machines.class.getResource("/machines/" + machine).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("no machine fixture " + machine, e));
        }
    }
}
