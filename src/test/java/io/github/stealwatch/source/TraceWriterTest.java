package io.github.stealwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TraceWriterTest {

    @Test
    void writesWhatTheReaderReadsBack() throws Exception {
        Sample first = StatParserTest.parse("cpu-gaps.txt");
        Sample second = TestSamples.withNumberedCpus(0, new int[] {0, 4, 8}, new long[] {3, 7, 12});
        StringWriter out = new StringWriter();
        try (TraceWriter writer = new TraceWriter(out, new HostFacts("web-7", "6.1.0"),
                Instant.parse("2026-11-26T10:00:00Z"), "/proc/stat, every 100 ms")) {
            writer.write(shifted(first, 5_000_000_000L));
            writer.write(shifted(second, 5_100_400_000L));
        }

        TraceReader reader = new TraceReader(new java.io.BufferedReader(new java.io.StringReader(out.toString())));
        Sample back = reader.next();

        assertEquals(new HostFacts("web-7", "6.1.0"), reader.hostFacts());
        assertEquals(0, back.monotonicNanos());
        assertEquals(first.aggregate(), back.aggregate());
        assertEquals(first.cpus(), back.cpus());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(100), reader.next().monotonicNanos());
    }

    @Test
    void stampsMeasuredTimesAndKeepsSamplesInOneMillisecondApart() throws Exception {
        StringWriter out = new StringWriter();
        try (TraceWriter writer = new TraceWriter(out, new HostFacts("h", "k"), Instant.EPOCH, "test")) {
            for (long nanos : new long[] {7_000_000, 7_100_000, 7_300_000, 107_900_000}) {
                writer.write(shifted(TestSamples.aggregateOnly(0, 5), nanos));
            }
        }

        List<String> stamps = out.toString().lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf(' '))).toList();
        assertEquals(List.of("0", "1", "2", "100"), stamps);
    }

    private static Sample shifted(Sample sample, long nanos) {
        return new Sample(nanos, sample.aggregate(), sample.cpus());
    }
}
