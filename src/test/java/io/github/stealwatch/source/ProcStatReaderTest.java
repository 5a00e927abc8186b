package io.github.stealwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.time.FakeClock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcStatReaderTest {

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
