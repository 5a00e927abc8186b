package io.github.stealwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceReaderTest {

    @Test
    void groupsLinesWithTheSameTimeIntoOneSample() throws Exception {
        List<Sample> samples = readAll("""
                # host: web-7
                # kernel: 4.9.30

                0 cpu  1 0 1 1 0 0 0 784 0 0
                0 cpu0 1 0 1 1 0 0 0 784 0 0
                # a comment between samples
                100 cpu  1 0 1 1 0 0 0 1844670130367 0 0

                100 cpu0 1 0 1 1 0 0 0 1844670130367 0 0
                """);

        assertEquals(2, samples.size());
        assertEquals(TimeUnit.MILLISECONDS.toNanos(100), samples.get(1).monotonicNanos());
        assertEquals(1844670130367L, samples.get(1).aggregate().steal());
        assertEquals("cpu0", samples.get(1).cpus().get(0).name());
    }

    @Test
    void readsTheHostAndKernelFromTheHeader() throws Exception {
        TraceReader reader = reader("# host: web-7\n# kernel: 4.9.30\n0 cpu  1 0 1 1 0 0 0 784 0 0\n");

        assertEquals("web-7", reader.hostFacts().hostName());
        assertEquals("4.9.30", reader.hostFacts().kernelRelease());
        assertEquals("from the trace's header", reader.hostFacts().kernelFrom());
    }

    @Test
    void readsTheMachineFromTheHeaderAndLeavesWhatItDoesNotNameUnknown() throws Exception {
        TraceReader reader = reader("# hypervisor: xen PV\n# clocksource: xen\n# a comment: not a fact\n"
                + "0 cpu  1 0 1 1 0 0 0 784 0 0\n");

        MachineFacts machine = reader.hostFacts().machine();
        assertEquals(new Fact("xen", "from the trace's header"), machine.hypervisor());
        assertEquals(new Fact("PV", "from the trace's header"), machine.guestType());
        assertEquals(new Fact("xen", "from the trace's header"), machine.clocksource());
        assertEquals(Fact.unknown("not in the trace's header"), machine.dmi());
        assertEquals(Fact.unknown("not in the trace's header"), machine.arch());
    }

    @Test
    void leavesHostAndKernelUnknownWithoutAHeader() throws Exception {
        TraceReader reader = reader("0 cpu  1 0 1 1 0 0 0 784 0 0\n");

        assertEquals(new HostFacts(HostFacts.UNKNOWN, HostFacts.UNKNOWN, "not in the trace's header",
                MachineFacts.unknown("not in the trace's header")), reader.hostFacts());
        assertEquals(784, reader.next().aggregate().steal());
        assertNull(reader.next());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0 cpu  1 0 1 1 0 0 0 7 0 0\\n50 cpu  1 0 1 1 0 0 0 7 0 0\\n20 cpu  1 0 1 1 0 0 0 7 0 0 | line 3: elapsed-ms goes back from 50
            0 cpu  1 0 1 1 0 0 0 7 0 0\\nfast cpu  1 0 1 1 0 0 0 7 0 0                            | line 2: expected <elapsed-ms> <cpu line>
            0 cpu  1 0 1 1 0 0 0 7 0 0\\n100                                                       | line 2: expected <elapsed-ms> <cpu line>
            0 cpu  1 0 1 1 0 0 0 7 0 0\\n100 cpu0 1 0 1 1 0 0 0 7 0 0                              | the sample at 100 ms has no aggregate cpu line
            0 cpu  1 0 1 1 0 0 0 7 0 0\\n0 cpu  1 0 1 1 0 0 0 7 0 0                                | two aggregate cpu lines at 0 ms
            0 cpu  1 0 1 1 0 0 0 7 0 0\\n0 cpu1 1 0 1 1 0 0 0 7 0 0\\n0 cpu1 1 0 1 1 0 0 0 7 0 0  | has cpu1 twice
            # c\\n\\n0 cpu  1 0 1 1 0 0 0 x 0 0                                                     | line 3: counter 8 is not a number
            """)
    void rejectsBadTracesNamingTheLine(String escapedTrace, String problem) {
        String trace = escapedTrace.strip().replace("\\n", "\n") + "\n";

        StatFormatException error = assertThrows(StatFormatException.class, () -> readAll(trace));

        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void aSampleWithMoreCpuLinesThanAnyKernelPrintsIsRefusedAsItIsRead() {
        StringBuilder trace = new StringBuilder("0 cpu  1 0 1 1 0 0 0 7 0 0\n");
        for (int cpu = 0; cpu <= StatParser.MAX_CPUS; cpu++) {
            trace.append("0 cpu").append(cpu).append(" 1 0 1 1 0 0 0 7 0 0\n");
        }

        StatFormatException error = assertThrows(StatFormatException.class, () -> readAll(trace.toString()));

        assertEquals("line 16386: the sample at 0 ms has more than 16384 cpu lines: \"cpu16384 1 0 1 1 0 0 0 7 0 0\"",
                error.getMessage());
    }

    static List<Sample> readAll(String trace) throws Exception {
        List<Sample> samples = new ArrayList<>();
        TraceReader reader = reader(trace);
        for (Sample sample = reader.next(); sample != null; sample = reader.next()) {
            samples.add(sample);
        }
        return samples;
    }

    private static TraceReader reader(String trace) throws Exception {
        return TraceFiles.reader(trace);
    }
}
