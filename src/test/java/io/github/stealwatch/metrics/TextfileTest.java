package io.github.stealwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextfileTest {

    @TempDir
    Path directory;

    @Test
    void replacesTheCommandsFileReadableByNodeExportersUserAndLeavesNoTemporaryFile() throws Exception {
        Textfile textfile = new Textfile(directory, MetricsCommand.AUDIT);
        textfile.write("old 1\n");

        textfile.write("new 2\n");

        assertEquals(directory.resolve("stealwatch_audit.prom"), textfile.file());
        assertEquals("new 2\n", Files.readString(textfile.file()));
        // node_exporter runs as its own user: a 0600 file would be a scrape error.
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(textfile.file())));
        try (var files = Files.list(directory)) {
            assertEquals(List.of("stealwatch_audit.prom"), files.map(f -> f.getFileName().toString()).toList());
        }
    }
}
