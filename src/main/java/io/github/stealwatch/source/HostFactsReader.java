package io.github.stealwatch.source;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the host name and kernel release from {@code <proc-root>/sys/kernel}, the files
 * {@code hostname} and {@code uname -r} use, so a test can give a fixture proc root its own.
 */
public final class HostFactsReader {

    private HostFactsReader() {
    }

    public static HostFacts read(Path procRoot) {
        Path kernel = procRoot.resolve("sys").resolve("kernel");
        String host = firstLine(kernel.resolve("hostname"));
        if (host == null) {
            host = javaHostName();
        }
        String release = firstLine(kernel.resolve("osrelease"));
        return new HostFacts(host, release == null ? HostFacts.UNKNOWN : release);
    }

    private static String firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? null : text;
        } catch (IOException e) {
            return null;
        }
    }

    private static String javaHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return HostFacts.UNKNOWN;
        }
    }
}
