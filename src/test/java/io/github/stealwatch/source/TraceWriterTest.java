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
        HostFacts recorded = Machines.hostFacts("xen-hvm");
        try (TraceWriter writer = new TraceWriter(out, recorded,
                Instant.parse("2026-11-26T10:00:00Z"), "/proc/stat, every 100 ms")) {
            writer.write(shifted(first, 5_000_000_000L));
            writer.write(shifted(second, 5_100_400_000L));
        }

        TraceReader reader = TraceFiles.reader(out.toString());
        Sample back = reader.next();

        assertEquals("xen-hvm", reader.hostFacts().hostName());
        assertEquals(recorded.kernelRelease(), reader.hostFacts().kernelRelease());
        MachineFacts machine = reader.hostFacts().machine();
        for (Fact fact : List.of(machine.hypervisor(), machine.guestType(), machine.dmi(), machine.clocksource(),
                machine.clocksources(), machine.bootOptions(), machine.arch())) {
            assertEquals("from the trace's header", fact.knownFrom(), fact.toString());
        }
        assertEquals(List.of("xen", "HVM", "Xen / HVM domU", "xen", "xen tsc hpet acpi_pm",
                        "none", "x86"),
                List.of(machine.hypervisor().value(), machine.guestType().value(), machine.dmi().value(),
                        machine.clocksource().value(), machine.clocksources().value(), machine.bootOptions().value(),
                        machine.arch().value()));
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
