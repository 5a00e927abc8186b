package io.github.stealwatch.source;

import io.github.stealwatch.disk.BoundedText;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Reads {@code <proc-root>/sys/kernel/random/boot_id} and {@code <proc-root>/uptime}. Uptime counts
 * time in suspend too, so between two audits it is never less than the time steal could accrue.
 */
public final class BootReader {

    /** A boot id is 37 bytes and uptime two numbers; a file far longer is not either. */
    private static final int MAX_BYTES = 4096;

    private final Path bootIdFile;
    private final Path uptimeFile;

    public BootReader(Path procRoot) {
        this.bootIdFile = procRoot.resolve("sys/kernel/random/boot_id");
        this.uptimeFile = procRoot.resolve("uptime");
    }

    public Boot read() throws IOException, StatFormatException {
        String id = BoundedText.read(bootIdFile, MAX_BYTES, "a boot id").strip();
        if (id.isEmpty()) {
            throw new StatFormatException(bootIdFile + " is empty");
        }
        return new Boot(id, uptimeNanos(BoundedText.read(uptimeFile, MAX_BYTES, "/proc/uptime")));
    }

    /** The first field of /proc/uptime: seconds since boot with two decimals (man 5 proc). */
    private long uptimeNanos(String text) throws StatFormatException {
        String first = text.strip().split("\\s+")[0];
        try {
            BigDecimal seconds = new BigDecimal(first);
            if (seconds.signum() < 0) {
                throw new NumberFormatException("negative");
            }
            return seconds.movePointRight(9).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new StatFormatException(uptimeFile + ": '" + first + "' is not a number of seconds");
        }
    }
}
