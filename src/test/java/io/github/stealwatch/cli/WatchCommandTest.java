package io.github.stealwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.stealwatch.source.ProcRoots;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A live watch on a fixture proc root whose stat file the test rewrites under it. */
class WatchCommandTest {

    @TempDir
    Path procRoot;

    @TempDir
    Path textfileDir;

    @Test
    void onceExitsWithCode2AfterReportingAJumpThatHappensWhileItWatches() throws Exception {
        CliRun run = watchThroughAJump();

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Subject: Steal time jumped! on fixture-vm\n"), run.out);
        assertTrue(run.out.contains("Kernel:   4.9.30\n"), run.out);
        assertTrue(run.out.contains("Trigger:  cpu: steal ") && run.out.contains(" by 1844670130358 ticks"), run.out);
    }

    @Test
    void itsMetricsFileCountsTheAnomalyTheSamplesAndThePrintedReport() throws Exception {
        CliRun run = watchThroughAJump("--textfile-dir", textfileDir.toString());

        assertEquals(2, run.exitCode, run.toString());
        String metrics = Files.readString(textfileDir.resolve("stealwatch_watch.prom"));
        assertTrue(count(metrics, "stealwatch_anomalies_total{command=\"watch\",kind=\"jumped\"}") >= 1, metrics);
        assertTrue(count(metrics, "stealwatch_samples_total{command=\"watch\"}") > 3, metrics);
        assertEquals(1, count(metrics, "stealwatch_reports_total{command=\"watch\",outcome=\"printed\"}"), metrics);
        assertEquals(0, count(metrics, "stealwatch_reports_total{command=\"watch\",outcome=\"spooled\"}"), metrics);
        assertEquals(0, count(metrics, "stealwatch_read_errors_total{command=\"watch\"}"), metrics);
        assertTrue(metrics.contains("\nstealwatch_last_anomaly_timestamp_seconds{command=\"watch\"} 17"), metrics);
    }

    @Test
    void aTextfileDirectoryThatDoesNotExistIsAOneLineErrorBeforeAnythingStarts() {
        CliRun run = CliRun.run("watch", "--proc-root", procRoot.toString(), "--mail-to", "-",
                "--textfile-dir", textfileDir.resolve("missing").toString());

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("stealwatch watch: --textfile-dir " + textfileDir.resolve("missing") + ": no such directory "
                + "(see 'stealwatch watch --help')\n",
                run.err);
    }

    @Test
    void aTextfileIntervalBelowASecondIsRefused() {
        CliRun run = CliRun.run("watch", "--proc-root", procRoot.toString(), "--mail-to", "-",
                "--textfile-interval", "100ms");

        assertEquals(3, run.exitCode, run.toString());
        assertEquals("stealwatch watch: --textfile-interval must be at least 1 s, not 100 ms "
                + "(see 'stealwatch watch --help')\n", run.err);
    }

    /** Runs {@code watch --once} while the aggregate's steal jumps by 1.8e12 ticks, as in the article, and back. */
    private CliRun watchThroughAJump(String... moreArgs) throws Exception {
        String healthy = ProcRoots.fixture("kvm-guest-2cpu-linux-6.18.txt");
        install(healthy);
        Files.createDirectories(procRoot.resolve("sys/kernel"));
        Files.writeString(procRoot.resolve("sys/kernel/hostname"), "fixture-vm\n");
        Files.writeString(procRoot.resolve("sys/kernel/osrelease"), "4.9.30\n");
        List<String> args = new ArrayList<>(List.of("watch", "--once", "--proc-root", procRoot.toString(),
                "--interval", "20ms", "--samples", "3", "--mail-to", "-"));
        args.addAll(List.of(moreArgs));

        CompletableFuture<CliRun> watch = CompletableFuture.supplyAsync(() -> CliRun.run(args.toArray(String[]::new)));
        // Jump and fall back until the watch has seen one of the two: it may start reading after the first change.
        String jumped = healthy.replaceFirst("^(cpu  (\\d+ ){7})\\d+", "$11844670130367");
        for (int flip = 0; flip < 150 && !watch.isDone(); flip++) {
            Thread.sleep(200);
            install(flip % 2 == 0 ? jumped : healthy);
        }
        return watch.get(30, TimeUnit.SECONDS);
    }

    /** The value of the series {@code series} in a metrics file. */
    private static long count(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " "))
                .mapToLong(line -> Long.parseLong(line.substring(series.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + series + " in\n" + metrics));
    }

    private void install(String content) throws Exception {
        ProcRoots.install(procRoot, content);
    }
}
