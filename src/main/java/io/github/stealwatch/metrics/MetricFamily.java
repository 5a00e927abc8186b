package io.github.stealwatch.metrics;

import java.util.List;

/**
 * One metric as the text format groups it: a name, its type and help, and every series of it.
 *
 * @param help one line saying what the metric counts and in which unit
 */
record MetricFamily(String name, Type type, String help, List<Series> series) {

    /** The two types stealwatch exports; the text format spells them in lower case. */
    enum Type { COUNTER, GAUGE }

    MetricFamily {
        series = List.copyOf(series);
    }
}
