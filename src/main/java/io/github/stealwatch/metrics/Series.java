package io.github.stealwatch.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * One time series of a metric: its labels (written sorted by name, so a file is the same for the
 * same values) and its value.
 */
record Series(Map<String, String> labels, double value) {

    Series {
        labels = new TreeMap<>(labels);
    }
}
