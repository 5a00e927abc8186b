package io.github.stealwatch.state;

import static io.github.stealwatch.source.TestSamples.withCpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
