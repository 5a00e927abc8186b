package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.source.ProcRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live watch on a fixture proc root whose stat file the test rewrites under it. */
class WatchCommandTest {

    @TempDir
    Path procRoot;

    @Test
    void onceExitsWithCode2AfterReportingAJumpThatHappensWhileItWatches() throws Exception {
        String healthy = ProcRoots.fixture("kvm-guest-2cpu-linux-6.18.txt");
        install(healthy);
        Files.createDirectories(procRoot.resolve("sys/kernel"));
        Files.writeString(procRoot.resolve("sys/kernel/hostname"), "fixture-vm\n");
        Files.writeString(procRoot.resolve("sys/kernel/osrelease"), "4.9.30\n");

        CompletableFuture<CliRun> watch = CompletableFuture.supplyAsync(() -> CliRun.run("watch", "--once",
                "--proc-root", procRoot.toString(), "--interval", "20ms", "--samples", "3", "--mail-to", "-"));
        // The aggregate's steal jumps by 1.8e12 ticks, as in the article, and back, until the watch
        // has seen one of the two: it may start reading after the first change.
        String jumped = healthy.replaceFirst("^(cpu  (\\d+ ){7})\\d+", "$11844670130367");
        for (int flip = 0; flip < 150 && !watch.isDone(); flip++) {
            Thread.sleep(200);
            install(flip % 2 == 0 ? jumped : healthy);
        }
        CliRun run = watch.get(30, TimeUnit.SECONDS);

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Subject: Steal time jumped! on fixture-vm\n"), run.out);
        assertTrue(run.out.contains("Kernel:   4.9.30\n"), run.out);
        assertTrue(run.out.contains("Trigger:  cpu: steal ") && run.out.contains(" by 1844670130358 ticks"), run.out);
    }

    private void install(String content) throws Exception {
        ProcRoots.install(procRoot, content);
    }
}
