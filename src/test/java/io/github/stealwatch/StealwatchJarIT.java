package io.github.stealwatch;

import static io.github.stealwatch.source.ProcRoots.golden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.stealwatch.mail.SilentSmtpServer;
import io.github.stealwatch.source.ProcRoots;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the built, shaded jar as a user would: {@code java -jar target/stealwatch.jar ...}. */
class StealwatchJarIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** The table as the article printed it: the first rows of the mail its script sent. */
    static final String ARTICLE_TABLE = golden("article-table.txt");

    @Test
    void replaysTheArticlesTraceToStandardOutput() throws Exception {
        Result result = run("replay", trace(), "--mail-to", "-");

        assertEquals(2, result.exitCode, result.toString());
        assertTrue(result.out.startsWith("Subject: Steal time jumped! on stretch-xen-guest\n\n" + ARTICLE_TABLE),
                result.toString());
    }

    @Test
    void diagnosesTheArticlesTraceFromItsHeader() throws Exception {
        Result result = run("replay", trace(), "--mail-to", "-");
        String report = result.out.replaceAll("\\s+", " ");

        assertTrue(report.contains("Pattern: wrapped on cpu: the steal clock stepped back by 4277788 ticks "
                + "(11 h 52 min 58 s)"), result.toString());
        assertTrue(report.contains("Afterwards it kept going back: 19 of 19 later changes went back"), report);
        assertTrue(report.contains("Machine: Xen PV guest (from the trace's header); clocksource xen (from the "
                + "trace's header); kernel 4.9.30 (from the trace's header)."), report);
        assertTrue(report.contains("Known issue: xen-steal-back-after-migration: "), report);
        assertTrue(report.contains("Known issue: backward-step-stays-before-4.11: "), report);
        assertTrue(report.contains("What to do: Reboot this VM: the counter keeps going back"), report);
    }

    @Test
    void mailsFromTheShadedJarThroughARealSmtpServer() throws Exception {
        // Fails only in a jar whose META-INF/services lost jakarta.mail's providers.
        Result result = run("replay", trace(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()), "--mail-to", "root@example.org");

        assertEquals(2, result.exitCode, result.toString());
        assertEquals(1, SMTP.getReceivedMessages().length, result.toString());
        assertEquals("Steal time jumped! on stretch-xen-guest", SMTP.getReceivedMessages()[0].getSubject());
        assertTrue(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]).replace("\r\n", "\n").startsWith(ARTICLE_TABLE));
    }

    @Test
    void logsThroughItsOwnLayoutOnStandardError() throws Exception {
        // Fails in a jar whose META-INF/services lost the logging configurator: logback's default
        // layout would show a thread name and a logger instead.
        Result result = run("replay", trace(), "--mail-to", "-");

        assertTrue(result.err.lines().anyMatch(line -> line.matches(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  .*: recording the samples that follow")),
                result.toString());
    }

    @Test
    void printsItsVersion() throws Exception {
        Result result = run("--version");

        assertEquals(0, result.exitCode, result.toString());
        assertTrue(result.out.startsWith("stealwatch "), result.toString());
    }

    @Test
    void aWrongOptionIsOneLineWithoutAStackTrace() throws Exception {
        Result result = run("watch", "--interval", "soon");

        assertEquals(3, result.exitCode, result.toString());
        assertEquals(1, result.err.lines().count(), result.toString());
        assertFalse(result.err.contains("Exception"), result.toString());
    }

    @Test
    void checksThisMachineAndPrintsOneStatusLine() throws Exception {
        Result result = run("check", "--duration", "1s");

        assertEquals(0, result.exitCode, result.toString());
        assertTrue(result.out.matches("STEAL OK - steal \\d+\\.\\d% of CPU time over 1\\.0 s, counter sane "
                + "\\| steal=\\d+\\.\\d%;;;0;100 steal_ticks=\\d+c\\n"), result.toString());
    }

    @Test
    void twoAuditsStartedTogetherTakeTurnsAndLeaveOneGoodState(@TempDir Path temp) throws Exception {
        String[] audit = {"audit", "--duration", "2s", "--state-file", temp.resolve("audit.state").toString(),
            "--spool-dir", temp.resolve("spool").toString(), "--mail-to", "-"};
        Started first = start(audit);
        Started second = start(audit);

        Result one = finish(first);
        Result other = finish(second);

        assertEquals(0, one.exitCode, one.toString());
        assertEquals(0, other.exitCode, other.toString());
        // One wrote the first baseline; the other waited for the lock, then compared with it.
        String logs = one.err + other.err;
        assertEquals(1, logs.split("this run saves the first baseline", -1).length - 1, logs);
        String state = Files.readString(temp.resolve("audit.state"));
        assertTrue(state.startsWith("# stealwatch audit state v2\n") && state.endsWith("\n# end\n"), state);
        try (var files = Files.list(temp)) {
            assertEquals(List.of(".audit.state.lock", "audit.state"),
                    files.map(file -> file.getFileName().toString()).sorted().toList(), "no temporary file is left");
        }
    }

    @Test
    void killedWithSignal9WhileSpoolingItLeavesOnlyWholeReports(@TempDir Path temp) throws Exception {
        Path procRoot = Files.createDirectories(temp.resolve("proc"));
        Path spool = temp.resolve("spool");
        String healthy = ProcRoots.fixture("kvm-guest-2cpu-linux-6.18.txt");
        String jumped = healthy.replaceFirst("^(cpu  (\\d+ ){7})\\d+", "$11844670130367");
        ProcRoots.install(procRoot, healthy);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // The counter jumps and falls back every 40 ms: with --samples 1 and no cooldown, the watch
        // makes reports as fast as it can, the mail server is down, and every one goes to the spool.
        AtomicBoolean flipping = new AtomicBoolean(true);
        Thread flipper = new Thread(() -> {
            for (int flip = 0; flipping.get(); flip++) {
                try {
                    ProcRoots.install(procRoot, flip % 2 == 0 ? jumped : healthy);
                    Thread.sleep(40);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        flipper.start();
        try {
            for (int round = 0; round < 3; round++) {
                Started watch = start("-q", "watch", "--proc-root", procRoot.toString(), "--interval", "10ms",
                        "--samples", "1", "--cooldown", "0s", "--spool-dir", spool.toString(), "--spool-max", "100000",
                        "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(closedPort));
                Thread.sleep(1500 + 170L * round);
                watch.process().destroyForcibly(); // SIGKILL, wherever it is
                watch.process().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            flipping.set(false);
            flipper.join();
        }
        long spooled;
        try (var files = Files.list(spool)) {
            // Reports, and recordings a kill cut short: each is a report to send.
            spooled = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".report") || name.startsWith(".recording-")).count();
        }
        assertTrue(spooled > 5, "the watch should have spooled many reports, not " + spooled);

        // Every file the kills left is a whole report or recording: flush sends them all and leaves nothing.
        Result flush = run("flush", "--spool-dir", spool.toString(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()));

        assertEquals(0, flush.exitCode, flush.toString());
        assertEquals("sent " + spooled + ", still waiting 0 in " + spool + "\n", flush.out);
        assertEquals(spooled, SMTP.getReceivedMessages().length);
        try (var files = Files.list(spool)) {
            assertEquals(List.of(".lock"), files.map(file -> file.getFileName().toString()).toList());
        }
    }

    @Test
    void aWatchHandsItsReportToAFlushThatMailsIt(@TempDir Path temp) throws Exception {
        Path procRoot = Files.createDirectories(temp.resolve("proc"));
        Path spool = temp.resolve("spool");
        Started watch = startWatchThatTrips(procRoot, "--spool-dir", spool.toString(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()), "--mail-to", "root@example.org");

        boolean mailed = SMTP.waitForIncomingEmail(30_000, 1);
        watch.process().toHandle().destroy(); // before any assertion, so a failure leaves no watch running
        Result result = finish(watch);
        assertTrue(mailed, "the flush process should have mailed the report: " + result);

        assertTrue(SMTP.getReceivedMessages()[0].getSubject().startsWith("Steal time jumped! on "));
        assertTrue(result.err.contains("report sent to root@example.org via 127.0.0.1:"), result.err);
        try (var files = Files.list(spool)) {
            assertEquals(0, files.filter(file -> file.getFileName().toString().endsWith(".report")).count());
        }
    }

    @Test
    void killedWithSignal9WhileItsFlushTalksToTheServerItLosesNoReport(@TempDir Path temp) throws Exception {
        Path procRoot = Files.createDirectories(temp.resolve("proc"));
        Path spool = temp.resolve("spool");
        try (SilentSmtpServer hanging = new SilentSmtpServer()) {
            Started watch = startWatchThatTrips(procRoot, "--spool-dir", spool.toString(),
                    "--smtp-host", "127.0.0.1", "--smtp-port", Integer.toString(hanging.port()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (hanging.connections() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, hanging.connections(), "the flush should be waiting for the server's greeting");

            // SIGKILL to the watch and its flush, as systemd kills a unit's whole control group.
            List<ProcessHandle> flushes = watch.process().toHandle().descendants().toList();
            watch.process().destroyForcibly();
            flushes.forEach(ProcessHandle::destroyForcibly);
            watch.process().waitFor(10, TimeUnit.SECONDS);
        }

        Result flush = run("flush", "--spool-dir", spool.toString(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()));

        assertEquals(0, flush.exitCode, flush.toString());
        assertEquals("sent 1, still waiting 0 in " + spool + "\n", flush.out);
        assertEquals(1, SMTP.getReceivedMessages().length);
    }

    @Test
    void theUnitsWayChecksAndWritesTheSettingsThenAWatchStartsFromThemAloneAndMails(@TempDir Path temp)
            throws Exception {
        Path procRoot = Files.createDirectories(temp.resolve("proc"));
        ProcRoots.install(procRoot, ProcRoots.fixture("kvm-guest-2cpu-linux-6.18.txt"));
        Path settings = temp.resolve("watch.settings");
        Path spool = temp.resolve("spool");

        Result written = run("watch", "--proc-root", procRoot.toString(), "--interval", "20ms", "--samples", "3",
                "--spool-dir", spool.toString(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()), "--mail-to", "root@example.org",
                "--write-settings", settings.toString());
        assertEquals(0, written.exitCode, written.toString());
        assertEquals("", written.out);

        Path classes = temp.resolve("classes.log");
        Started watch = start(List.of("-Xlog:class+load=info:file=" + classes), "watch", "--settings",
                settings.toString());
        Thread.sleep(1000);
        ProcRoots.install(procRoot, ProcRoots.fixture("kvm-guest-2cpu-linux-6.18.txt")
                .replaceFirst("^(cpu  (\\d+ ){7})\\d+", "$11844670130367"));

        boolean mailed = SMTP.waitForIncomingEmail(30_000, 1);
        watch.process().toHandle().destroy(); // before any assertion, so a failure leaves no watch running
        Result result = finish(watch);
        assertTrue(mailed, "the flush process should have mailed the report: " + result);
        assertEquals("Steal time jumped! on " + hostName(), SMTP.getReceivedMessages()[0].getSubject());
        String body = (String) SMTP.getReceivedMessages()[0].getContent();
        assertTrue(body.contains("Source:   " + procRoot.resolve("stat") + ", every 20 ms"), body);
        assertTrue(body.contains("Recorded: 4 samples\r\n"), body);
        assertTrue(result.err.contains("report sent to root@example.org via 127.0.0.1:"), result.err);
        // What the watch never loads, having made and handed over a report: the flush process made it.
        List<String> loaded = Files.readAllLines(classes).stream()
                .filter(line -> line.matches(".* (picocli|jakarta|io\\.github\\.stealwatch\\.(cli|diagnosis)\\.|"
                        + "io\\.github\\.stealwatch\\.report\\.ReportFormatter|io\\.github\\.stealwatch\\.mail\\.Smtp).*"))
                .toList();
        assertEquals(List.of(), loaded);
        assertTrue(Files.readString(classes).contains(" io.github.stealwatch.spool.DeliveryAgent "), "the log is read");
    }

    @Test
    void aBadSettingIsOneLineAndExit3OnBothSidesOfTheUnit(@TempDir Path temp) throws Exception {
        Path settings = temp.resolve("watch.settings");
        assertOneLine(run("watch", "--interval", "0ms", "--write-settings", settings.toString()),
                "stealwatch watch: --interval must be positive (see 'stealwatch watch --help')");
        assertFalse(Files.exists(settings));
        Path nowhere = temp.resolve("no-such-dir").resolve("watch.settings");
        assertOneLine(run("watch", "--write-settings", nowhere.toString()),
                "stealwatch watch: cannot write " + nowhere + ": no such directory");
        assertOneLine(run("watch", "--settings", temp.resolve("missing").toString()),
                "stealwatch watch: no such file: " + temp.resolve("missing"));

        assertEquals(0, run("watch", "--mail-to", "-", "--write-settings", settings.toString()).exitCode);
        Files.writeString(settings, Files.readString(settings).replaceFirst("(?m)^interval-nanos=\\d+", "interval-nanos=fast"));
        assertOneLine(run("watch", "--settings", settings.toString()),
                "stealwatch watch: " + settings + ": interval-nanos is not a number: fast");
    }

    @Test
    void killedWithSignal9WhileRecordingItLosesNoRowAndTheNextWatchMailsTheRecordingCutShort(@TempDir Path temp)
            throws Exception {
        Path procRoot = Files.createDirectories(temp.resolve("proc"));
        Path spool = temp.resolve("spool");
        String[] mail = {"--spool-dir", spool.toString(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(SMTP.getSmtp().getPort())};
        String healthy = ProcRoots.fixture("kvm-guest-2cpu-linux-6.18.txt");
        ProcRoots.install(procRoot, healthy);
        List<String> args = new ArrayList<>(List.of("watch", "--proc-root", procRoot.toString(), "--interval", "20ms",
                "--samples", "500"));
        args.addAll(List.of(mail));
        Started watch = start(args.toArray(String[]::new));
        Thread.sleep(1000);
        ProcRoots.install(procRoot, healthy.replaceFirst("^(cpu  (\\d+ ){7})\\d+", "$11844670130367"));
        Thread.sleep(1500); // 10 s to record at 20 ms: killed well inside it
        watch.process().destroyForcibly();
        watch.process().waitFor(10, TimeUnit.SECONDS);
        assertEquals(0, SMTP.getReceivedMessages().length);
        try (var files = Files.list(spool)) {
            assertEquals(1, files.filter(file -> file.getFileName().toString().startsWith(".recording-")).count(),
                    "the recording grows in the spool: " + Files.readString(watch.err()));
        }

        // As systemd restarts it: the new watch finds the recording abandoned and has it mailed.
        List<String> again = new ArrayList<>(List.of("watch", "--proc-root", procRoot.toString()));
        again.addAll(List.of(mail));
        Started restarted = start(again.toArray(String[]::new));
        boolean mailed = SMTP.waitForIncomingEmail(30_000, 1);
        restarted.process().toHandle().destroy();
        Result result = finish(restarted);
        assertTrue(mailed, "the restarted watch's flush should have mailed it: " + result);

        String body = (String) SMTP.getReceivedMessages()[0].getContent();
        assertTrue(body.matches("(?s).*Recorded: \\d+ samples, cut short: the input ended or the watch stopped.*"), body);
        long rows = body.lines().takeWhile(line -> !line.isBlank()).count() - 2;
        assertTrue(rows > 20, "the rows recorded before the kill are in the report: " + rows + "\n" + body);
        assertTrue(result.err.contains("is a recording whose watch stopped before it ended"), result.err);
        try (var files = Files.list(spool)) {
            assertEquals(List.of(".lock"), files.map(file -> file.getFileName().toString()).toList());
        }
    }

    private static String hostName() throws IOException {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    }

    /** A watch on {@code procRoot} whose steal counter jumps by the article's 1.8e12 ticks after its first samples. */
    private static Started startWatchThatTrips(Path procRoot, String... options) throws Exception {
        String healthy = ProcRoots.fixture("kvm-guest-2cpu-linux-6.18.txt");
        ProcRoots.install(procRoot, healthy);
        List<String> args = new ArrayList<>(List.of("watch", "--proc-root", procRoot.toString(), "--interval", "20ms",
                "--samples", "3"));
        args.addAll(List.of(options));
        Started watch = start(args.toArray(String[]::new));
        Thread.sleep(1000);
        ProcRoots.install(procRoot, healthy.replaceFirst("^(cpu  (\\d+ ){7})\\d+", "$11844670130367"));
        return watch;
    }

    @Test
    void aWatchStoppedBySigtermWritesItsMetricsOnceMoreOnTheWayOut(@TempDir Path temp) throws Exception {
        Path procRoot = Files.createDirectories(temp.resolve("proc"));
        ProcRoots.install(procRoot, ProcRoots.fixture("kvm-guest-2cpu-linux-6.18.txt"));
        Path textfiles = Files.createDirectories(temp.resolve("textfiles"));
        Path metrics = textfiles.resolve("stealwatch_watch.prom");
        Started watch = start("watch", "--proc-root", procRoot.toString(), "--interval", "20ms", "--mail-to", "-",
                "--textfile-dir", textfiles.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(metrics) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // some samples, and no periodic write yet (every 15 s)

        watch.process().toHandle().destroy(); // SIGTERM, as systemctl stop sends; the streams stay open
        Result result = finish(watch);

        assertEquals(143, result.exitCode, result.toString());
        String last = Files.readString(metrics);
        // The file at start said 0 samples; only the write on the way out counts them.
        assertTrue(last.lines().anyMatch(
                line -> line.matches("stealwatch_samples_total\\{command=\"watch\"} [1-9]\\d*")), last);
        try (var files = Files.list(textfiles)) {
            assertEquals(List.of("stealwatch_watch.prom"), files.map(file -> file.getFileName().toString()).toList(),
                    "no temporary file is left");
        }
    }

    @Test
    void aMissingProcRootExits3() throws Exception {
        Result result = run("watch", "--proc-root", "/nonexistent", "--mail-to", "-");

        assertEquals(3, result.exitCode, result.toString());
        assertEquals("stealwatch watch: no such file: /nonexistent/stat\n", result.err);
    }

    @Test
    void inputThatCouldExhaustTheHeapIsOneLineAndExit3InA64MibHeap(@TempDir Path temp) throws Exception {
        Path longLine = Files.writeString(temp.resolve("long-line.trace"), "0 cpu  " + "1".repeat(70_000) + "\n");
        Path binary = Path.of(System.getProperty("stealwatch.jar", "target/stealwatch.jar"));

        assertOneLine(runSmallHeap("replay", "/dev/zero"), "stealwatch replay: /dev/zero line 1: longer than 65536 bytes");
        assertOneLine(runSmallHeap("replay", longLine.toString()),
                "stealwatch replay: " + longLine + " line 1: longer than 65536 bytes");
        Result binaryReplay = runSmallHeap("replay", binary.toString());
        assertEquals(3, binaryReplay.exitCode, binaryReplay.toString());
        assertTrue(binaryReplay.err.matches("stealwatch replay: " + binary + " line \\d+: not text\n"), binaryReplay.err);
        assertOneLine(runSmallHeap("--config", "/dev/zero", "flush", "--spool-dir", temp.resolve("spool").toString()),
                "stealwatch flush: /dev/zero is larger than 65536 bytes: not a stealwatch configuration file "
                        + "(see 'stealwatch flush --help')");
        assertOneLine(runSmallHeap("record", "--out", "/dev/full", "--duration", "1s", "-q"),
                "stealwatch record: cannot write /dev/full: No space left on device");

        Path wide = temp.resolve("wide.trace");
        try (var out = Files.newBufferedWriter(wide)) {
            out.write("0 cpu  1 0 1 1 0 0 0 7 0 0\n");
            for (int cpu = 0; cpu < 300_000; cpu++) {
                out.write("0 cpu" + cpu + " 1 0 1 1 0 0 0 7 0 0\n");
            }
        }
        assertOneLine(runSmallHeap("replay", wide.toString()), "stealwatch replay: " + wide + " line 16386: the sample "
                + "at 0 ms has more than 16384 cpu lines: \"cpu16384 1 0 1 1 0 0 0 7 0 0\"");
    }

    @Test
    void aProcStatThatNeverEndsIsOneLineAndExit3InTheWatchsOwn16MibHeap(@TempDir Path temp) throws Exception {
        Path device = Files.createDirectories(temp.resolve("device"));
        Files.createSymbolicLink(device.resolve("stat"), Path.of("/dev/zero"));
        Path endless = Files.createDirectories(temp.resolve("endless"));
        try (var out = Files.newBufferedWriter(endless.resolve("stat"))) {
            out.write("cpu  1 2 3 4 5 6 7 8 9 10\n");
            for (int cpu = 0; cpu < 200_000; cpu++) {
                out.write("cpu" + cpu + " 1 2 3 4 5 6 7 8 9 10\n");
            }
        }

        Result fromDevice = finish(start(List.of("-Xmx16m"), "watch", "--proc-root", device.toString(), "--mail-to", "-"));
        Result fromEndless = finish(start(List.of("-Xmx16m"), "watch", "--proc-root", endless.toString(),
                "--mail-to", "-"));

        assertEquals(3, fromDevice.exitCode, fromDevice.toString());
        assertTrue(fromDevice.err.startsWith("stealwatch watch: " + device.resolve("stat") + " line 1: "), fromDevice.err);
        assertEquals(1, fromDevice.err.lines().count(), fromDevice.err);
        assertOneLine(fromEndless, "stealwatch watch: " + endless.resolve("stat") + " line 16386: more than 16384 cpu "
                + "lines: this is not /proc/stat: \"cpu16384 1 2 3 4 5 6 7 8 9 10\"");
    }

    @Test
    void aHostOf8192CpusIsWatchedAndReportedInTheUnitsHeap(@TempDir Path temp) throws Exception {
        Path procRoot = Files.createDirectories(temp.resolve("proc"));
        StringBuilder cpus = new StringBuilder();
        for (int cpu = 0; cpu < 8192; cpu++) {
            cpus.append("cpu").append(cpu).append(" 1000 0 100 5000 0 0 0 10 0 0\n");
        }
        String healthy = "cpu  8192000 0 819200 40960000 0 0 0 81920 0 0\n" + cpus + "intr 0\nctxt 1\n";
        ProcRoots.install(procRoot, healthy);
        Started watch = start(List.of("-Xmx16m", "-Xms4m", "-XX:+UseSerialGC"), "watch", "--proc-root",
                procRoot.toString(), "--interval", "50ms", "--mail-to", "-", "--once", "-q");
        Thread.sleep(1500);
        ProcRoots.install(procRoot, healthy.replaceFirst(" 81920 ", " 1844670212287 "));

        Result result = finish(watch);

        assertEquals(2, result.exitCode, result.toString());
        assertTrue(result.out.contains("Recorded: 4 samples, as many as fit in 40000 cpu lines (8193 a sample on this "
                + "host)"), result.out);
    }

    @Test
    void aGarbageStateIsAWarningAndANewBaselineInA64MibHeap(@TempDir Path temp) throws Exception {
        Path state = temp.resolve("audit.state");
        byte[] garbage = new byte[5_000_000];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(state, garbage);

        Result audit = runSmallHeap("-q", "audit", "--duration", "1s", "--state-file", state.toString(), "--mail-to", "-",
                "--spool-dir", temp.resolve("spool").toString());

        assertEquals(0, audit.exitCode, audit.toString());
        assertEquals("WARN  " + state + " is larger than 4194304 bytes: not a stealwatch state file; starting a new "
                + "baseline", audit.err.strip().replaceFirst("^\\S+ \\S+ ", ""));
        assertTrue(Files.readString(state).startsWith("# stealwatch audit state"), "the new baseline is saved");
    }

    @Test
    void anOversizedSpoolFileStaysNamedAndTheReportsAfterItGoInA64MibHeap(@TempDir Path temp) throws Exception {
        Path spool = Files.createDirectories(temp.resolve("spool"));
        Path huge = spool.resolve("000000000001.report");
        Files.write(huge, new byte[5_000_000]);
        Files.writeString(spool.resolve("000000000002.report"),
                "From: stealwatch@web-7\nTo: root@example.org\nSubject: after it\nSpooled: 2026-11-29T10:00:00Z\n\nbody\n");

        Result flush = runSmallHeap("-q", "flush", "--spool-dir", spool.toString(), "--smtp-host", "127.0.0.1",
                "--smtp-port", Integer.toString(SMTP.getSmtp().getPort()));

        assertEquals(1, flush.exitCode, flush.toString());
        assertEquals("sent 1, still waiting 1, 1 of them passed over in " + spool + "\n", flush.out);
        assertTrue(flush.err.contains("cannot read the spooled report " + huge + ": " + huge + " is larger than "
                + "4194304 bytes: not a spooled report; left where it is"), flush.err);
        assertEquals(1, flush.err.lines().count(), flush.err);
        assertEquals("after it", SMTP.getReceivedMessages()[0].getSubject());
        assertTrue(Files.exists(huge));
    }

    @Test
    void aTraceOfMillionsOfSamplesReplaysInA32MibHeap(@TempDir Path temp) throws Exception {
        Path trace = temp.resolve("long.trace");
        int samples = 2_000_000;
        try (var out = Files.newBufferedWriter(trace)) {
            out.write("# stealwatch trace: <elapsed-ms> <cpu line as /proc/stat prints it>\n");
            for (int i = 0; i < samples; i++) {
                // Two CPUs busy, steal rising by one tick a sample: always within what can accrue.
                out.write(i * 100L + " cpu  " + (20L * i) + " 0 0 0 0 0 0 " + i + " 0 0\n");
            }
        }

        Result replay = finish(start(List.of("-Xmx32m"), "replay", trace.toString(), "--mail-to", "-", "--cpus", "2"));

        assertEquals(0, replay.exitCode, replay.toString());
        assertEquals("", replay.out);
    }

    private static Result runSmallHeap(String... args) throws IOException, InterruptedException {
        return finish(start(List.of("-Xmx64m"), args));
    }

    /** Exit 3 and exactly {@code line} on standard error: no stack trace, nothing on standard output. */
    private static void assertOneLine(Result result, String line) {
        assertEquals(3, result.exitCode, result.toString());
        assertEquals(line + "\n", result.err);
    }

    private static String trace() throws Exception {
        return Paths.get(StealwatchJarIT.class.getResource("/traces/article-xen-guest.trace").toURI()).toString();
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        return finish(start(args));
    }

    /** Starts the jar; standard error goes to a file so neither stream can fill up and stall it. */
    private static Started start(String... args) throws IOException {
        return start(List.of(), args);
    }

    private static Started start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(System.getProperty("stealwatch.jar", "target/stealwatch.jar"));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("stealwatch-it", ".err");
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(err.toFile()).start();
        return new Started(command, process, err);
    }

    private static Result finish(Started started) throws IOException, InterruptedException {
        byte[] out = started.process.getInputStream().readAllBytes();
        if (!started.process.waitFor(60, TimeUnit.SECONDS)) {
            started.process.destroyForcibly();
            throw new AssertionError("stealwatch did not finish: " + started.command);
        }
        String err = Files.readString(started.err);
        Files.delete(started.err);
        return new Result(started.process.exitValue(), new String(out, StandardCharsets.UTF_8), err);
    }

    private record Started(List<String> command, Process process, Path err) {
    }

    private record Result(int exitCode, String out, String err) {
    }
}
