package io.github.stealwatch.metrics;

import java.time.Instant;

/** Unix time in seconds with milliseconds, as Prometheus' *_timestamp_seconds gauges take it. */
final class Seconds {

    private Seconds() {
    }

    static double of(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }
}
