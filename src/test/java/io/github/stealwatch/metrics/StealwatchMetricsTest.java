package io.github.stealwatch.metrics;

import static io.github.stealwatch.source.ProcRoots.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StealwatchMetricsTest {

    @Test
    void theWatchsFirstFileHasEverySeriesAtZero() {
        String text = StealwatchMetrics.text(MetricsCommand.WATCH, "0.1.0",
                new Readings(Counts.ZERO, 0, Double.NaN, 0), Instant.ofEpochMilli(1795963291500L));

        assertEquals(golden("metrics-watch-start.prom"), text);
    }

    @Test
    void theAuditsFileCarriesItsCountsAndNoStalls() {
        Counts counts = new Counts(12345, 1, 0, 2, 3, 4, 5, 6, 7);
        String text = StealwatchMetrics.text(MetricsCommand.AUDIT, "1.2.3-SNAPSHOT",
                new Readings(counts, 1795900000.25, 0.0375, 2), Instant.ofEpochSecond(1795963291));

        assertEquals(golden("metrics-audit.prom"), text);
    }

    @Test
    void everyLineEndsInANewlineAndNoneCarriesATimestamp() {
        String text = StealwatchMetrics.text(MetricsCommand.WATCH, "0.1.0",
                new Readings(new Counts(1, 2, 3, 4, 5, 6, 7, 8, 9), 1795963291, 0.5, 1),
                Instant.ofEpochSecond(1795963291));

        assertTrue(text.endsWith("\n"));
        assertFalse(text.contains("\r"));
        // A sample line is "name{labels} value": a third field would be a timestamp.
        assertTrue(Arrays.stream(text.split("\n")).filter(line -> !line.startsWith("#"))
                .allMatch(line -> line.replaceAll("\\{.*}", "").split(" ").length == 2), text);
    }
}
