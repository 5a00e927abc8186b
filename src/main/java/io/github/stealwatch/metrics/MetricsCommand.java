package io.github.stealwatch.metrics;

import java.util.Locale;

/**
 * The commands that publish metrics. Each writes its own file and labels every series with its
 * name, so the two files never hold the same series (node_exporter drops one of two identical
 * series from different files, silently in its 1.5.0).
 */
public enum MetricsCommand {
    WATCH, AUDIT;

    /** The value of the {@code command} label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file's name in the textfile directory; node_exporter reads only names ending in ".prom". */
    public String fileName() {
        return "stealwatch_" + label() + ".prom";
    }
}
