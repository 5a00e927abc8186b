package io.github.stealwatch.state;

import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.source.StatFormatException;
import io.github.stealwatch.source.StatParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The state file's text: a version line, {@code key=value} lines, then the cpu lines exactly as
 * /proc/stat prints them, so the same parser reads them back and a person can diff them.
 */
final class StateFileFormat {

    static final String FIRST_LINE = "# stealwatch audit state v1";
    private static final String BOOT_ID = "boot_id=";
    private static final String UPTIME_NANOS = "uptime_ns=";
    private static final String SAVED_AT = "saved_at=";
    /** The last line: a file without it was cut short, however well its cpu lines parse. */
    static final String LAST_LINE = "# end";

    private StateFileFormat() {
    }

    static String write(AuditState state) {
        StringBuilder text = new StringBuilder(FIRST_LINE).append('\n')
                .append(BOOT_ID).append(state.bootId()).append('\n')
                .append(UPTIME_NANOS).append(state.uptimeNanos()).append('\n')
                .append(SAVED_AT).append(state.savedAt()).append('\n')
                .append(state.sample().aggregate().toProcStatText()).append('\n');
        for (CpuLine cpu : state.sample().cpus()) {
            text.append(cpu.toProcStatText()).append('\n');
        }
        return text.append(LAST_LINE).append('\n').toString();
    }

    /** @throws IllegalArgumentException saying what is wrong */
    static AuditState read(String text) {
        String[] lines = text.split("\n", 5);
        if (lines.length < 5 || !lines[0].equals(FIRST_LINE)) {
            throw new IllegalArgumentException("does not start with '" + FIRST_LINE + "' and its four fields");
        }
        if (!text.endsWith("\n" + LAST_LINE + "\n")) {
            throw new IllegalArgumentException("cut short: no '" + LAST_LINE + "' line at the end");
        }
        String bootId = value(lines[1], BOOT_ID);
        long uptimeNanos;
        Instant savedAt;
        try {
            uptimeNanos = Long.parseLong(value(lines[2], UPTIME_NANOS));
            savedAt = Instant.parse(value(lines[3], SAVED_AT));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        byte[] cpuBlock = lines[4].getBytes(StandardCharsets.US_ASCII);
        try {
            Sample sample = StatParser.parse(cpuBlock, cpuBlock.length, uptimeNanos);
            return new AuditState(bootId, savedAt, sample);
        } catch (StatFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String value(String line, String key) {
        if (!line.startsWith(key)) {
            throw new IllegalArgumentException("expected " + key + "..., found '" + line + "'");
        }
        return line.substring(key.length());
    }
}
