package io.github.stealwatch.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.AllocationMeter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatParserTest {

    private static final int RUNS = 200;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kvm-guest-2cpu-linux-6.18.txt  | 10 | 9             | cpu0 cpu1
            xen-guest-1cpu-linux-4.9.txt   | 10 | 1198368772563 | cpu0
            old-kernel-8-columns.txt       | 8  | 9             | cpu0 cpu1
            nine-columns-linux-2.6.24.txt  | 9  | 9             | cpu0 cpu1
            cpu-gaps.txt                   | 10 | 19            | cpu0 cpu4 cpu8
            u64-maxima.txt                 | 10 | 18446744073709551615 | cpu0
            """)
    void parsesCapturesOfRealKernels(String fixture, int columns, String aggregateSteal, String cpuNames)
            throws Exception {
        Sample sample = parse(fixture);

        assertEquals("cpu", sample.aggregate().name());
        assertEquals(columns, sample.aggregate().counters().length);
        assertEquals(aggregateSteal, Long.toUnsignedString(sample.aggregate().steal()));
        assertEquals(List.of(cpuNames.split(" ")), sample.cpus().stream().map(CpuLine::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            truncated.txt             | line 3: truncated cpu line
            no-steal-7-columns.txt    | line 1: only 7 counters, but steal is counter 8: this kernel does not report steal time
            garbage-counter.txt       | line 2: counter 8 is not a number: "cpu0 2081 0 606 33451 9 0 3 2x 0 0"
            counter-above-u64.txt     | line 1: counter 8 is larger than 2^64-1
            empty.txt                 | empty input: no cpu line
            not-proc-stat.txt         | line 1: no cpu line at the top: this is not /proc/stat: "MemTotal:
            cpu-lines-repeated.txt    | line 3: cpu lines out of order or repeated
            """)
    void rejectsBadInputNamingTheLine(String fixture, String expectedMessageStart) {
        StatFormatException error = assertThrows(StatFormatException.class, () -> parse(fixture));

        assertTrue(error.getMessage().startsWith(expectedMessageStart), error.getMessage());
    }

    @Test
    void keepsCounterValuesExactlyUpToTheLargestU64() throws Exception {
        CpuLine line = parseLine("cpu3 18446744073709551615 0 1 2 3 4 5 18446744073709551614 9223372036854775808 7");

        assertEquals(3, line.cpu());
        assertEquals("18446744073709551614", Long.toUnsignedString(line.steal()));
        assertEquals("cpu3 18446744073709551615 0 1 2 3 4 5 18446744073709551614 9223372036854775808 7",
                line.toProcStatText());
    }

    @Test
    void printsTheAggregateLineWithTheKernelsTwoSpaces() throws Exception {
        String text = "cpu  5322 0 4376 12720669 37879 0 59 1844670130367 0 0";

        assertEquals(text, parseLine(text).toProcStatText());
    }

    @Test
    void keepsColumnsAFutureKernelMightAdd() throws Exception {
        CpuLine line = parseLine("cpu0 1 2 3 4 5 6 7 8 9 10 11 12");

        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, line.counters());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            cpux 1 2 3 4 5 6 7 8       | bad cpu name
            cpu0 1 2 3 4 5 6 7 -8      | counter 8 is not a number
            cpu0 1 2 3 4 5 6 7 8.5     | counter 8 is not a number
            cpu0                       | bad cpu name
            cpu0 1 2 3 4 5 6 7         | only 7 counters
            cpu01 1 2 3 4 5 6 7 8      | bad cpu name
            cpu1234567890 1 2 3 4 5 6 7 8 | bad cpu name
            intr 1 2 3                 | not a cpu line
            """)
    void rejectsMalformedLines(String text, String problem) {
        StatFormatException error = assertThrows(StatFormatException.class, () -> parseLine(text));

        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void stopsAtTheEndOfTheCpuBlock() throws Exception {
        String text = "cpu  1 2 3 4 5 6 7 8 9 10\ncpu0 1 2 3 4 5 6 7 8 9 10\nintr 12 garbage that is never read\n";

        assertEquals(1, parse(text.getBytes(StandardCharsets.US_ASCII)).cpus().size());
    }

    @Test
    void inputCutInsideTheCpuBlockAsksForMoreUnlessItIsTheEnd() throws Exception {
        byte[] bytes = ProcRoots.fixture("kvm-guest-2cpu-linux-6.18.txt").getBytes(StandardCharsets.US_ASCII);
        int intrLine = new String(bytes, StandardCharsets.US_ASCII).indexOf("intr ");
        StatSnapshot snapshot = new StatSnapshot();

        for (int cut = 0; cut < bytes.length; cut++) {
            // Until the 'i' of intr is read, another cpu line might still follow.
            boolean whole = cut > intrLine;
            assertEquals(whole, StatParser.parseInto(bytes, cut, false, 0, snapshot), "cut at " + cut);
        }
        assertEquals(2, snapshot.cpuCount());
    }

    @Test
    void aSnapshotReusedForASmallerReadHoldsOnlyTheNewLines() throws Exception {
        StatSnapshot snapshot = new StatSnapshot();
        byte[] large = fixtureBytes("cpu-gaps.txt");
        byte[] small = fixtureBytes("xen-guest-1cpu-linux-4.9.txt");
        StatParser.parseInto(large, large.length, true, 1, snapshot);

        StatParser.parseInto(small, small.length, true, 42, snapshot);

        assertEquals(parse(small), snapshot.toSample());
    }

    @Test
    void parsesAThousandCpusWithoutAllocating() throws Exception {
        byte[] bytes = fixtureBytes("scaled-1024cpu.txt");
        StatSnapshot snapshot = new StatSnapshot();

        long allocated = AllocationMeter.bytesAllocated(10, RUNS,
                () -> StatParser.parseInto(bytes, bytes.length, true, 0, snapshot));

        AllocationMeter.assertNonePerRun(allocated, RUNS);
        assertEquals(1024, snapshot.cpuCount());
        long sum = 0;
        for (int i = 0; i < snapshot.cpuCount(); i++) {
            sum += snapshot.cpuSteal(i);
        }
        assertEquals(sum, snapshot.aggregateSteal());
    }

    private static byte[] fixtureBytes(String fixture) throws IOException {
        return ProcRoots.fixture(fixture).getBytes(StandardCharsets.US_ASCII);
    }

    static Sample parse(String fixture) throws IOException, StatFormatException {
        try (InputStream in = StatParserTest.class.getResourceAsStream("/proc-stat/" + fixture)) {
            return parse(in.readAllBytes());
        }
    }

    private static Sample parse(byte[] bytes) throws StatFormatException {
        return StatParser.parse(bytes, bytes.length, 42L);
    }

    private static CpuLine parseLine(String text) throws StatFormatException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return StatParser.parseCpuLine(bytes, 0, bytes.length, 1);
    }
}
