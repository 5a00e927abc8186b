package io.github.stealwatch.spool;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.mail.Envelope;
import io.github.stealwatch.source.CpuLine;
import io.github.stealwatch.source.Fact;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.MachineFacts;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.trace.LeadUp;
import io.github.stealwatch.trace.Recording;
import java.time.Instant;
import java.util.List;

/**
 * The spool file of a recording the watch made, from which the flush process writes the report:
 * the watch itself never formats one. Plain text, one fact a line, readable with {@code less}:
 * <pre>
 * stealwatch recording 1
 * From: stealwatch@web-7          (headers: the envelope, when, the host's facts with where each
 * To: root                         was read, the source, what the watch saw before the trigger)
 * ...
 *
 * sample 5123456789               (a row: its monotonic time in ns, then its cpu lines as
 * cpu  4705 0 3457 ...             /proc/stat prints them, then the anomalies it brought)
 * jumped cpu 8 1844670130375 100000000 2 6012 auto 60000000000
 * ...
 * end complete                    (or cut-short, or line-bound)
 * </pre>
 * Rows are appended as they are sampled: a file without its end line comes from a watch that was
 * killed while recording, and is reported as cut short. This class writes it, in the watch;
 * {@link RecordingFileReader} reads it, in the flush.
 */
final class RecordingFileFormat {

    static final String FIRST_LINE = "stealwatch recording 1";
    /** The first line of a recording file of any version. */
    static final String FIRST_LINE_PREFIX = "stealwatch recording ";

    /** A row of cpu lines is some 130 bytes a line; a header (the boot options) some kilobytes. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    static final String SAMPLE = "sample ";
    static final String JUMPED = "jumped";
    static final String WENT_BACK = "went-back";
    static final String END = "end ";
    static final String COMPLETE = "complete";
    static final String CUT_SHORT = "cut-short";
    static final String LINE_BOUND = "line-bound";
    static final String AUTO = "auto";
    static final String TICKS = "ticks";

    /** The machine facts' header names, in {@link MachineFacts}' order. */
    static final List<String> FACTS = List.of("Hypervisor", "Guest-Type", "DMI", "Clocksource",
            "Clocksources", "Boot-Options", "Arch");

    private RecordingFileFormat() {
    }

    /** The headers and the recording's first two rows. */
    static String start(Envelope envelope, Instant spooledAt, HostFacts host, String source, Recording soFar) {
        StringBuilder text = new StringBuilder(FIRST_LINE).append('\n');
        header(text, "From", envelope.from());
        header(text, "To", envelope.to());
        header(text, "Spooled", spooledAt.toString());
        header(text, "Source", source);
        header(text, "Host", host.hostName());
        header(text, "Kernel", host.kernelRelease());
        header(text, "Kernel-From", host.kernelFrom());
        List<Fact> facts = facts(host.machine());
        for (int i = 0; i < FACTS.size(); i++) {
            header(text, FACTS.get(i), facts.get(i).value());
            header(text, FACTS.get(i) + "-From", facts.get(i).knownFrom());
        }
        header(text, "Suppressed", Long.toString(soFar.suppressedSamples()));
        LeadUp leadUp = soFar.leadUp();
        header(text, "Watched", Long.toString(leadUp.watchedNanos()));
        if (leadUp.stall() != null) {
            header(text, "Stall", leadUp.stall().gapNanos() + " " + leadUp.stall().intervalNanos() + " "
                    + leadUp.stall().agoNanos());
        }
        if (leadUp.cpuOnline() != null) {
            header(text, "CPU-Online", leadUp.cpuOnline().line() + " " + leadUp.cpuOnline().agoNanos());
        }
        text.append('\n');
        for (int i = 0; i < soFar.rows().size(); i++) {
            text.append(row(soFar.rows().get(i), soFar.anomalies().get(i)));
        }
        return text.toString();
    }

    static String row(Sample sample, List<Anomaly> anomalies) {
        StringBuilder text = new StringBuilder(SAMPLE).append(sample.monotonicNanos()).append('\n');
        text.append(sample.aggregate().toProcStatText()).append('\n');
        for (CpuLine cpu : sample.cpus()) {
            text.append(cpu.toProcStatText()).append('\n');
        }
        for (Anomaly anomaly : anomalies) {
            text.append(anomaly(anomaly)).append('\n');
        }
        return text.toString();
    }

    static String end(Recording finished) {
        return END + (finished.atLineBound() ? LINE_BOUND : finished.complete() ? COMPLETE : CUT_SHORT) + "\n";
    }

    private static void header(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(escape(value)).append('\n');
    }

    private static String anomaly(Anomaly anomaly) {
        if (anomaly instanceof StealWentBack back) {
            return WENT_BACK + " " + back.line() + " " + Long.toUnsignedString(back.before()) + " "
                    + Long.toUnsignedString(back.after());
        }
        StealJumped jump = (StealJumped) anomaly;
        String bound = jump.bound() instanceof MaxDelta.Auto auto ? AUTO + " " + auto.lumpAllowanceNanos()
                : TICKS + " " + ((MaxDelta.Ticks) jump.bound()).ticks();
        return JUMPED + " " + jump.line() + " " + Long.toUnsignedString(jump.before()) + " "
                + Long.toUnsignedString(jump.after()) + " " + jump.elapsedNanos() + " " + jump.cpus() + " "
                + jump.limit() + " " + bound;
    }

    private static List<Fact> facts(MachineFacts machine) {
        return List.of(machine.hypervisor(), machine.guestType(), machine.dmi(), machine.clocksource(),
                machine.clocksources(), machine.bootOptions(), machine.arch());
    }

    /** Facts come from files and may hold anything but a line end: a backslash and the line ends are escaped. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

}
