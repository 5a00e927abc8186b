import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealDetector;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.report.ReportFormatter;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.HostFactsReader;
import io.github.stealwatch.source.ProcStatReader;
import io.github.stealwatch.spool.BackgroundOutbox;
import io.github.stealwatch.spool.DeliveryAgent;
import io.github.stealwatch.spool.Spool;
import io.github.stealwatch.time.SystemClock;
import io.github.stealwatch.trace.Recorder;
import io.github.stealwatch.watch.SamplingLoop;
import io.github.stealwatch.watch.Watchdog;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The watch without its command line, for src/bench/footprint.sh (CORE=1): the same sampling,
 * detection, report and hand-over to "stealwatch flush" as "stealwatch watch" with its defaults,
 * wired by hand instead of by picocli, and never exiting. It measures what the long-running
 * process would weigh without picocli's classes and model; it is not a way to run stealwatch.
 *
 * Usage: java -cp target/stealwatch.jar:DIR CoreOnlyWatch PROC_ROOT SPOOL_DIR SMTP_PORT
 */
public final class CoreOnlyWatch {

    public static void main(String[] args) throws Exception {
        Path procRoot = Path.of(args[0]);
        Path spoolDir = Path.of(args[1]);
        SystemClock clock = new SystemClock();
        HostFacts host = HostFactsReader.read(procRoot, Path.of("/sys"));
        Spool spool = new Spool(spoolDir, Spool.DEFAULT_MAX_REPORTS, clock);
        List<String> flush = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), "io.github.stealwatch.Main",
                "flush", "--spool-dir", spoolDir.toString(), "--smtp-port", args[2]);
        DeliveryAgent agent = new DeliveryAgent(spool, new Envelope("stealwatch@" + host.hostName(), "root"),
                "root via localhost:" + args[2], flush, () -> null, clock, outcome -> { });
        Watchdog watchdog = new Watchdog(new StealDetector(new MaxDelta.Auto(60_000_000_000L), 2), new Recorder(20),
                3_600_000_000_000L, new ReportFormatter(host, "stat"), new BackgroundOutbox(agent));
        SamplingLoop loop = new SamplingLoop(new ProcStatReader(procRoot, clock), clock, 100_000_000L, watchdog);
        loop.start();
        LoggerFactory.getLogger(CoreOnlyWatch.class).info("core-only watch started");
        loop.run(() -> false);
    }
}
