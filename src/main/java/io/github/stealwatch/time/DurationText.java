package io.github.stealwatch.time;

import java.time.Duration;

/** A duration as log lines and reports say it: "100 ms", "5 s". */
public final class DurationText {

    private DurationText() {
    }

    public static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis >= 1000 && millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    public static String format(long nanos) {
        return format(Duration.ofNanos(nanos));
    }
}
