package io.github.stealwatch.cli;

import static io.github.stealwatch.cli.CliTest.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {

    @TempDir
    Path temp;

    @Test
    void recordsATraceThatReplaysCleanly() throws Exception {
        Path procRoot = Files.createDirectory(temp.resolve("proc"));
        Files.copy(Paths.get(resource("/proc-stat/cpu-gaps.txt")), procRoot.resolve("stat"));
        Path trace = temp.resolve("out.trace");

        CliRun record = CliRun.run("record", "--out", trace.toString(), "--duration", "300ms", "--interval", "50ms",
                "--proc-root", procRoot.toString());

        assertEquals(0, record.exitCode, record.toString());
        List<String> lines = Files.readAllLines(trace);
        assertTrue(lines.contains("0 cpu  6525 0 1937 96342 124 0 29 19 0 0"), lines.toString());
        assertTrue(lines.contains("0 cpu8 2000 0 601 30001 20 0 11 11 0 0"), lines.toString());
        long samples = lines.stream().filter(line -> line.contains(" cpu  ")).count();
        assertTrue(samples >= 3, lines.toString());
        CliRun replay = CliRun.run("replay", "--mail-to", "-", trace.toString());
        assertEquals(0, replay.exitCode, replay.toString());
    }

    @Test
    void leavesNoTraceBehindWhenTheFileCannotBeRead() {
        Path trace = temp.resolve("out.trace");

        CliRun record = CliRun.run("record", "--out", trace.toString(), "--proc-root", temp.resolve("nothing").toString());

        assertEquals(3, record.exitCode, record.toString());
        assertFalse(Files.exists(trace));
    }
}
