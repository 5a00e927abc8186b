package io.github.stealwatch.source;

import io.github.stealwatch.disk.LineReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the files that tell what kind of machine this is, all readable by a non-root user,
 * under a proc root and a sys root (fixture roots in tests). A file that is absent or unreadable
 * is simply not evidence: nothing here fails.
 */
public final class MachineFactsReader {

    /** Enough for any one line of the files read whole (a cmdline is at most a page). */
    private static final int MAX_FILE_CHARS = 8192;

    /** A cpuinfo line is a key and a value; the flags line, the longest, is under 2 KiB. */
    private static final int MAX_LINE_BYTES = 64 * 1024;

    /** The first CPU's block is some 30 lines; a block that never ends is not cpuinfo. */
    private static final int MAX_BLOCK_LINES = 1000;

    private MachineFactsReader() {
    }

    public static MachineFacts read(Path procRoot, Path sysRoot) {
        Path clocksource = sysRoot.resolve("devices/system/clocksource/clocksource0");
        String[] cpu = cpuinfo(procRoot.resolve("cpuinfo"));
        return MachineIdentifier.identify(new MachineFiles(
                firstLine(sysRoot.resolve("hypervisor/type")),
                firstLine(sysRoot.resolve("hypervisor/guest_type")),
                firstLine(sysRoot.resolve("class/dmi/id/sys_vendor")),
                firstLine(sysRoot.resolve("class/dmi/id/product_name")),
                cpu[0], cpu[1],
                firstLine(clocksource.resolve("current_clocksource")),
                firstLine(clocksource.resolve("available_clocksource")),
                firstLine(procRoot.resolve("cmdline"))));
    }

    /**
     * The first CPU's "flags" and "CPU architecture" values. Only the first block is read: on a
     * large machine cpuinfo repeats it for every CPU and runs to megabytes.
     */
    private static String[] cpuinfo(Path file) {
        String[] found = new String[2];
        try (LineReader in = new LineReader(file, MAX_LINE_BYTES)) {
            boolean inBlock = false;
            for (String line = in.readLine(); line != null && in.lineNumber() <= MAX_BLOCK_LINES;
                    line = in.readLine()) {
                if (line.isBlank()) {
                    if (inBlock) {
                        break;
                    }
                    continue;
                }
                inBlock = true;
                int colon = line.indexOf(':');
                String key = colon < 0 ? line.strip() : line.substring(0, colon).strip();
                String value = colon < 0 ? "" : line.substring(colon + 1).strip();
                if (key.equals("flags") && found[0] == null) {
                    found[0] = value;
                } else if (key.equals("CPU architecture") && found[1] == null) {
                    found[1] = value;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable or not text: no evidence from cpuinfo.
        }
        return found;
    }

    static String firstLine(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] buffer = new char[MAX_FILE_CHARS];
            int read = in.read(buffer);
            if (read <= 0) {
                return null;
            }
            String text = new String(buffer, 0, read);
            int newline = text.indexOf('\n');
            String line = (newline < 0 ? text : text.substring(0, newline)).replace('\0', ' ').strip();
            return line.isEmpty() ? null : line;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
