package io.github.stealwatch.bench;

import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.metrics.LiveMetrics;
import io.github.stealwatch.source.AlternatingSnapshots;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.source.StatParser;
import io.github.stealwatch.source.StatSnapshot;
import io.github.stealwatch.time.Clock;
import io.github.stealwatch.time.SystemClock;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.watch.Watchdog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of one sample of the watch's steady state: read + parse + detect (what each tick does),
 * and parse + detect alone, on /proc/stat files of 2 to 1024 CPUs. {@code live} reads this
 * machine's own /proc/stat; the others read captured or scaled files (see make-large-fixtures.sh)
 * from a temporary directory, as the watch reads /proc/stat.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SamplingBenchmark {

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Param({"live", "2", "64", "256", "1024"})
    public String cpus;

    private final AlternatingSnapshots snapshots = new AlternatingSnapshots();
    private Path directory;
    private ProcStatReader reader;
    private byte[] bytes;
    private Watchdog watchdog;
    private LiveMetrics metrics;
    private long nanos;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Clock clock = new SystemClock();
        if (cpus.equals("live")) {
            reader = new ProcStatReader(Path.of("/proc"), clock);
            bytes = Files.readAllBytes(Path.of("/proc/stat"));
        } else {
            bytes = fixture(cpus.equals("2") ? "kvm-guest-2cpu-linux-6.18.txt" : "scaled-" + cpus + "cpu.txt");
            directory = Files.createTempDirectory("stealwatch-bench");
            Files.write(directory.resolve("stat"), bytes);
            reader = ProcStatReader.ofStandIn(directory.resolve("stat"), clock);
        }
        metrics = new LiveMetrics(clock);
        watchdog = new Watchdog(new StealDetector(MaxDelta.Auto.withDefaultAllowance(), 1), new Recorder(20), 0,
                recording -> {
                    throw new IllegalStateException("a healthy benchmark tripped: " + recording.trigger());
                });
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        reader.close();
        if (directory != null) {
            Files.delete(directory.resolve("stat"));
            Files.delete(directory);
        }
    }

    /** One tick of the watch: read the file at offset 0, parse its cpu block, compare with the last. */
    @Benchmark
    public int readParseDetect() throws Exception {
        StatSnapshot next = snapshots.spare();
        reader.readInto(next);
        watchdog.accept(snapshots.filled());
        return next.cpuCount();
    }

    /** The same tick as the watch runs it with --textfile-dir: the sample also counted for the metrics. */
    @Benchmark
    public int readParseDetectCounted() throws Exception {
        StatSnapshot next = snapshots.spare();
        reader.readInto(next);
        watchdog.accept(snapshots.filled());
        metrics.sampled(next);
        return next.cpuCount();
    }

    /**
     * The same without the read: parse bytes already in memory and compare. The stamps move on by
     * the interval so that the detector's physical bound is the watch's.
     */
    @Benchmark
    public int parseDetect() throws Exception {
        StatSnapshot next = snapshots.spare();
        StatParser.parseInto(bytes, bytes.length, true, nanos += INTERVAL_NANOS, next);
        watchdog.accept(snapshots.filled());
        return next.cpuCount();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SamplingBenchmark.class.getResourceAsStream("/proc-stat/" + name)) {
            if (in == null) {
                throw new IOException("no fixture /proc-stat/" + name + " on the classpath");
            }
            return in.readAllBytes();
        }
    }
}
