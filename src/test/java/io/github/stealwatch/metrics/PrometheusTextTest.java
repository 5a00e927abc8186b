package io.github.stealwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.metrics.MetricFamily.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void writesHelpAndTypeOnceThenEverySeriesOfTheMetricInOneGroup() {
        String text = PrometheusText.write(List.of(
                new MetricFamily("a_total", Type.COUNTER, "Things counted.",
                        List.of(new Series(Map.of("kind", "x"), 1), new Series(Map.of("kind", "y"), 2))),
                new MetricFamily("b", Type.GAUGE, "A level.", List.of(new Series(Map.of(), 0.25)))));

        assertEquals("""
                # HELP a_total Things counted.
                # TYPE a_total counter
                a_total{kind="x"} 1
                a_total{kind="y"} 2
                # HELP b A level.
                # TYPE b gauge
                b 0.25
                """, text);
    }

    @Test
    void escapesLabelValuesAndHelpAsTheFormatSays() {
        String text = PrometheusText.write(List.of(new MetricFamily("m", Type.GAUGE, "back\\slash and\nnew \"line\"",
                List.of(new Series(Map.of("v", "a\\b \"q\"\nc"), 1)))));

        assertEquals("# HELP m back\\\\slash and\\nnew \"line\"\n# TYPE m gauge\nm{v=\"a\\\\b \\\"q\\\"\\nc\"} 1\n",
                text);
    }

    @Test
    void sortsLabelsByNameSoTheSameValuesGiveTheSameFile() {
        String text = PrometheusText.write(List.of(new MetricFamily("m", Type.GAUGE, "h",
                List.of(new Series(Map.of("version", "1", "command", "watch"), 1)))));

        assertTrue(text.endsWith("m{command=\"watch\",version=\"1\"} 1\n"), text);
    }

    @ParameterizedTest
    @CsvSource({"NaN, NaN", "Infinity, +Inf", "-Infinity, -Inf", "0, 0", "-0.0, 0", "3, 3", "0.05, 0.05",
        "1795963291.125, 1795963291.125", "1e20, 100000000000000000000", "9007199254740993, 9007199254740992"})
    void spellsValuesWithoutExponentsOrFractionsOfIntegers(double value, String expected) {
        assertEquals(expected, PrometheusText.value(value));
    }

    @Test
    void refusesAMetricGivenTwice() {
        MetricFamily family = new MetricFamily("m", Type.GAUGE, "h", List.of(new Series(Map.of(), 1)));

        assertThrows(IllegalArgumentException.class, () -> PrometheusText.write(List.of(family, family)));
    }

    @Test
    void refusesASeriesGivenTwice() {
        Series series = new Series(Map.of("a", "1"), 1);

        assertThrows(IllegalArgumentException.class, () -> PrometheusText.write(List.of(
                new MetricFamily("m", Type.GAUGE, "h", List.of(series, new Series(Map.of("a", "1"), 2))))));
    }

    @ParameterizedTest
    @CsvSource({"9lives, a", "has-dash, a", "ok, __reserved", "ok, 'sp ace'"})
    void refusesNamesTheFormatDoesNotAllow(String metric, String label) {
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.write(List.of(
                new MetricFamily(metric, Type.GAUGE, "h", List.of(new Series(Map.of(label, "v"), 1))))));
    }
}
