package io.github.stealwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.stealwatch.AllocationMeter;
import io.github.stealwatch.time.FakeClock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatReaderTest {

    private static final int RUNS = 1000;

    @TempDir
    Path procRoot;

    @Test
    void readsTheFileAndStampsTheReadWithTheClock() throws Exception {
        install("kvm-guest-2cpu-linux-6.18.txt");
        FakeClock clock = new FakeClock();

        Sample sample = new ProcStatReader(procRoot, clock).read();

        assertEquals(clock.monotonicNanos(), sample.monotonicNanos());
        assertEquals(2, sample.cpus().size());
    }

    @Test
    void seesAFileReplacedByRename() throws Exception {
        install("kvm-guest-2cpu-linux-6.18.txt");
        ProcStatReader reader = new ProcStatReader(procRoot, new FakeClock());
        reader.read();

        install("cpu-gaps.txt");

        assertEquals(3, reader.read().cpus().size());
    }

    @Test
    void readsACpuBlockLargerThanItsFirstBuffer() throws Exception {
        install("scaled-1024cpu.txt");

        Sample sample = new ProcStatReader(procRoot, new FakeClock()).read();

        assertEquals(1024, sample.cpus().size());
        assertEquals(StatParserTest.parse("scaled-1024cpu.txt").cpus(), sample.cpus());
    }

    @Test
    void readsTheCpuBlockOfTheMostCpusLinuxHasWithEveryCounterAtItsWidest() throws Exception {
        int cpus = 8192;
        String widest = " 18446744073709551615".repeat(10);
        StringBuilder stat = new StringBuilder("cpu ").append(widest).append('\n');
        for (int cpu = 0; cpu < cpus; cpu++) {
            stat.append("cpu").append(cpu).append(widest).append('\n');
        }
        Files.writeString(procRoot.resolve("stat"), stat.append("intr 0\nctxt 1\n"));

        Sample sample = new ProcStatReader(procRoot, new FakeClock()).read();

        assertEquals(cpus, sample.cpus().size());
        assertTrue(stat.length() > 1024 * 1024, "more than a first buffer's worth of growing: " + stat.length());
    }

    @Test
    void aFileWhoseCpuLinesNeverEndIsNotProcStat() throws Exception {
        // Lines of 500 counters: fewer lines than any CPU bound, more bytes than the buffer's.
        String counters = " 1".repeat(500);
        StringBuilder stat = new StringBuilder("cpu ").append(counters).append('\n');
        for (int cpu = 0; stat.length() <= ProcStatReader.MAX_BUFFER_BYTES; cpu++) {
            stat.append("cpu").append(cpu).append(counters).append('\n');
        }
        Files.writeString(procRoot.resolve("stat"), stat);

        StatFormatException error = assertThrows(StatFormatException.class,
                () -> new ProcStatReader(procRoot, new FakeClock()).read());

        assertEquals(procRoot.resolve("stat") + " has no end to its cpu lines within 4194304 bytes: not a /proc/stat",
                error.getMessage());
    }

    @Test
    void moreCpuLinesThanAnyKernelPrintsAreRefusedBeforeTheirCountersFillTheHeap() throws Exception {
        StringBuilder stat = new StringBuilder("cpu  1 2 3 4 5 6 7 8 9 10\n");
        for (int cpu = 0; cpu <= StatParser.MAX_CPUS; cpu++) {
            stat.append("cpu").append(cpu).append(" 1 2 3 4 5 6 7 8 9 10\n");
        }
        Files.writeString(procRoot.resolve("stat"), stat);

        StatFormatException error = assertThrows(StatFormatException.class,
                () -> new ProcStatReader(procRoot, new FakeClock()).read());

        assertTrue(error.getMessage().startsWith(procRoot.resolve("stat") + " line 16386: more than 16384 cpu lines: "
                + "this is not /proc/stat: \"cpu16384 "), error.getMessage());
    }

    @Test
    void aDeviceGivenAsProcStatIsRefusedWithinTheBound() throws Exception {
        Files.createSymbolicLink(procRoot.resolve("stat"), Path.of("/dev/zero"));

        StatFormatException error = assertThrows(StatFormatException.class,
                () -> new ProcStatReader(procRoot, new FakeClock()).read());

        assertTrue(error.getMessage().startsWith(procRoot.resolve("stat") + " "), error.getMessage());
    }

    @Test
    void opensTheFileAgainAfterAReadFailed() throws Exception {
        install("kvm-guest-2cpu-linux-6.18.txt");
        ProcStatReader reader = new ProcStatReader(procRoot, new FakeClock());
        reader.read();
        Files.writeString(procRoot.resolve("stat"), "garbage\n"); // rewritten in place, not renamed
        assertThrows(StatFormatException.class, reader::read);

        install("cpu-gaps.txt");

        assertEquals(3, reader.read().cpus().size());
    }

    @Test
    void aReadOfTheLiveProcStatAllocatesNothing() throws Exception {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isReadable(proc.resolve("stat")), "needs Linux's /proc/stat");
        StatSnapshot snapshot = new StatSnapshot();
        try (ProcStatReader reader = new ProcStatReader(proc, new FakeClock())) {
            long allocated = AllocationMeter.bytesAllocated(100, RUNS, () -> reader.readInto(snapshot));

            AllocationMeter.assertNonePerRun(allocated, RUNS);
            assertEquals(Runtime.getRuntime().availableProcessors(), snapshot.cpuCount());
        }
    }

    @Test
    void keepsAStandInOpenAndReReadsItFromTheStartEachTime() throws Exception {
        install("kvm-guest-2cpu-linux-6.18.txt");
        Path stat = procRoot.resolve("stat");
        try (ProcStatReader reader = ProcStatReader.ofStandIn(stat, new FakeClock())) {
            reader.read();
            // Rewritten in place, as the kernel regenerates /proc/stat: the same open file shows it.
            Files.writeString(stat, ProcRoots.fixture("cpu-gaps.txt"));

            assertEquals(3, reader.read().cpus().size());
        }
    }

    @Test
    void namesTheFileInAParseError() throws Exception {
        install("truncated.txt");

        StatFormatException error = assertThrows(StatFormatException.class,
                () -> new ProcStatReader(procRoot, new FakeClock()).read());

        assertTrue(error.getMessage().startsWith(procRoot.resolve("stat") + " line 3:"), error.getMessage());
    }

    @Test
    void failsOnAMissingFile() {
        assertThrows(NoSuchFileException.class, () -> new ProcStatReader(procRoot, new FakeClock()).read());
    }

    private void install(String fixture) throws Exception {
        ProcRoots.installFixture(procRoot, fixture);
    }
}
