package io.github.stealwatch.source;

import io.github.stealwatch.disk.BoundedText;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Counts the CPUs online on this machine from {@code /sys/devices/system/cpu/online} (a list like
 * {@code 0-3,8}). Not {@link Runtime#availableProcessors()}: that is cut down by cgroup quotas and
 * CPU affinity, and too low a count would make a healthy machine look like it steals the impossible.
 */
public final class OnlineCpus {

    private static final Path ONLINE = Path.of("/sys/devices/system/cpu/online");

    /** "0-8191" at most, or a list of single CPUs: 64 KiB holds any. */
    private static final int MAX_BYTES = 64 * 1024;

    private OnlineCpus() {
    }

    public static int count() {
        try {
            return countRanges(BoundedText.read(ONLINE, MAX_BYTES, "a cpu list").strip());
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** Counts the CPUs in a kernel cpu list such as {@code 0-3,8,10-11}. */
    static int countRanges(String list) {
        int total = 0;
        for (String range : list.split(",")) {
            int dash = range.indexOf('-');
            if (dash < 0) {
                Integer.parseInt(range); // only to reject garbage
                total++;
            } else {
                total += Integer.parseInt(range.substring(dash + 1)) - Integer.parseInt(range.substring(0, dash)) + 1;
            }
        }
        return total;
    }
}
