package io.github.stealwatch.spool;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a flush of the spool did.
 *
 * @param sent       reports the SMTP server accepted, now deleted
 * @param waiting    reports still in the spool
 * @param passedOver of those, the ones that do not hold back newer reports: the server refused
 *                   them (a rejected recipient), or they cannot be read
 */
public record FlushResult(int sent, int waiting, int passedOver) {

    /** Nothing was in the spool. */
    static final FlushResult EMPTY = new FlushResult(0, 0, 0);

    private static final Pattern SUMMARY = Pattern.compile(
            "^sent (\\d{1,9}), still waiting (\\d{1,9})(?:, (\\d{1,9}) of them passed over)? in ", Pattern.MULTILINE);

    /** True when only reports that were passed over still wait: the server takes mail. */
    boolean onlyPassedOverWait() {
        return waiting == passedOver;
    }

    /**
     * The line {@code stealwatch flush} prints, which the watch reads back from the flush it hands
     * delivery to: "sent 2, still waiting 0 in /var/lib/stealwatch/spool".
     */
    public String summary(Path spool) {
        String passed = passedOver == 0 ? "" : ", " + passedOver + " of them passed over";
        return "sent " + sent + ", still waiting " + waiting + passed + " in " + spool;
    }

    /** The result a {@link #summary} line in {@code output} tells, or null when it holds none. */
    static FlushResult fromSummary(String output) {
        Matcher line = SUMMARY.matcher(output);
        if (!line.find()) {
            return null;
        }
        int passedOver = line.group(3) == null ? 0 : Integer.parseInt(line.group(3));
        return new FlushResult(Integer.parseInt(line.group(1)), Integer.parseInt(line.group(2)), passedOver);
    }
}
