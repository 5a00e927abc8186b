package io.github.stealwatch.state;

import static io.github.stealwatch.source.TestSamples.withCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.metrics.Counts;
import io.github.stealwatch.source.Boot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path temp;

    private final AuditState state = AuditState.of(new Boot("8f9561f7", 1_000_000_000_000L),
            Instant.parse("2026-11-26T06:00:00Z"), withCpus(0, 2, 7));

    @Test
    void whatIsSavedLoadsBackTheSame() throws Exception {
        StateStore store = new StateStore(temp.resolve("audit.state"));

        assertEquals(Optional.empty(), store.load());
        store.save(state);

        assertEquals(Optional.of(state), store.load());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of("audit.state"), files.map(file -> file.getFileName().toString()).toList(),
                    "no temporary file is left behind");
        }
    }

    @Test
    void theMetricsCountsAndTheLastAnomalyLoadBackTheSame() throws Exception {
        StateStore store = new StateStore(temp.resolve("audit.state"));
        AuditState counted = state.withCounts(new Counts(1, 2, 3, 4, 5, 6, 7, 8, 9), 1795963291.125);

        store.save(counted);

        assertEquals(Optional.of(counted), store.load());
        assertTrue(Files.readString(store.file()).contains("\nsamples_total=1\nread_errors_total=2\n"));
    }

    @Test
    void aVersion1FileIsStillReadWithNothingCounted() throws Exception {
        StateStore store = new StateStore(temp.resolve("audit.state"));
        store.save(state);
        // The file an earlier version wrote: the same without the counts.
        Files.writeString(store.file(), Files.readString(store.file()).replace("state v2", "state v1")
                .replaceAll("(?m)^(\\w+_total|last_anomaly_seconds)=.*\n", ""));
        assertFalse(Files.readString(store.file()).contains("_total"));

        assertEquals(Optional.of(state), store.load());
        assertEquals(Counts.ZERO, store.load().orElseThrow().counts());
    }

    @Test
    void aKeyTheFormatDoesNotKnowMakesItCorrupt() throws Exception {
        StateStore store = new StateStore(temp.resolve("audit.state"));
        store.save(state);
        Files.writeString(store.file(), Files.readString(store.file()).replace("samples_total=", "sample_total="));

        CorruptStateException error = assertThrows(CorruptStateException.class, store::load);

        assertTrue(error.getMessage().endsWith("unexpected line 'sample_total=0'"), error.getMessage());
    }

    @Test
    void aFileCutShortAnywhereIsCorruptNotASmallerState() throws Exception {
        StateStore store = new StateStore(temp.resolve("audit.state"));
        store.save(state);
        String whole = Files.readString(store.file());

        for (int length = 0; length < whole.length(); length++) {
            Files.writeString(store.file(), whole.substring(0, length));
            int cut = length;
            CorruptStateException error = assertThrows(CorruptStateException.class, store::load,
                    () -> "cut at " + cut);
            assertTrue(error.getMessage().startsWith(store.file() + " is not a stealwatch state file: "),
                    error.getMessage());
        }
    }

    @Test
    void aFileOfTheLargestSizeIsReadAndParsedAndOneBytePastItIsCorruptUnread() throws Exception {
        StateStore store = new StateStore(temp.resolve("audit.state"));
        Files.writeString(store.file(), "x".repeat(StateStore.MAX_BYTES));

        CorruptStateException atBound = assertThrows(CorruptStateException.class, store::load);
        assertTrue(atBound.getMessage().startsWith(store.file() + " is not a stealwatch state file: "),
                "read whole, then refused by the parser: " + atBound.getMessage());

        Files.writeString(store.file(), "x".repeat(StateStore.MAX_BYTES + 1));
        CorruptStateException pastBound = assertThrows(CorruptStateException.class, store::load);
        assertEquals(store.file() + " is larger than 4194304 bytes: not a stealwatch state file",
                pastBound.getMessage());
    }

    @Test
    void aStateThatIsNotTextIsCorruptNamingTheLine() throws Exception {
        StateStore store = new StateStore(temp.resolve("audit.state"));
        Files.write(store.file(), new byte[] {'#', '\n', (byte) 0xC0, '\n'});

        CorruptStateException error = assertThrows(CorruptStateException.class, store::load);

        assertEquals(store.file() + " line 2: not text", error.getMessage());
    }
}
