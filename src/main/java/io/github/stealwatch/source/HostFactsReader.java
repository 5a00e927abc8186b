package io.github.stealwatch.source;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;

/**
 * Reads the host name and kernel release from {@code <proc-root>/sys/kernel}, the files
 * {@code hostname} and {@code uname -r} use, so a test can give a fixture proc root its own, and
 * what kind of machine it is from the proc and sys roots.
 */
public final class HostFactsReader {

    private HostFactsReader() {
    }

    /** The host's name and kernel, without the machine's kind: for a command that reports nothing. */
    public static HostFacts read(Path procRoot) {
        return read(procRoot, null);
    }

    /** @param sysRoot where sysfs is mounted ({@code /sys}), or null to leave the machine's kind unknown */
    public static HostFacts read(Path procRoot, Path sysRoot) {
        Path kernel = procRoot.resolve("sys").resolve("kernel");
        String host = MachineFactsReader.firstLine(kernel.resolve("hostname"));
        if (host == null) {
            host = javaHostName();
        }
        String release = MachineFactsReader.firstLine(kernel.resolve("osrelease"));
        return new HostFacts(host, release == null ? HostFacts.UNKNOWN : release,
                release == null ? "/proc/sys/kernel/osrelease unreadable" : "/proc/sys/kernel/osrelease",
                sysRoot == null ? MachineFacts.unknown("not read") : MachineFactsReader.read(procRoot, sysRoot));
    }

    private static String javaHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return HostFacts.UNKNOWN;
        }
    }
}
