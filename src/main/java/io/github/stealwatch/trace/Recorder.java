package io.github.stealwatch.trace;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.source.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the samples of one anomaly, the way the article's script kept its table: the last sample
 * before the trigger, the trigger, and the samples after it, up to a fixed number of rows after
 * the first. Holds at most one recording at a time and never grows past its capacity.
 */
public final class Recorder {

    /**
     * The most cpu lines a recording holds, since its rows wait in memory until the report is
     * written: at some 130 bytes a line, 5 MiB of the watch's 16 MiB heap. That is every row asked
     * for on hosts of up to 1,904 CPUs (20 rows), and 4 rows on one of 8,192.
     */
    public static final int MAX_CPU_LINES = 40_000;

    private final int rowsAfterFirst;
    private final List<Sample> rows;
    private final List<List<Anomaly>> anomalies;
    private long suppressedSamples;
    private LeadUp leadUp = LeadUp.NONE;
    private long linesHeld;

    /** @param rowsAfterFirst rows after the 0 ms row, trigger included (the script kept 20) */
    public Recorder(int rowsAfterFirst) {
        if (rowsAfterFirst < 1) {
            throw new IllegalArgumentException("a recording needs at least one row after the first");
        }
        this.rowsAfterFirst = rowsAfterFirst;
        this.rows = new ArrayList<>(rowsAfterFirst + 1);
        this.anomalies = new ArrayList<>(rowsAfterFirst + 1);
    }

    public boolean isRecording() {
        return !rows.isEmpty();
    }

    /** All rows asked for are in, or another row of the last one's size would pass {@link #MAX_CPU_LINES}. */
    public boolean isFull() {
        return rows.size() == rowsAfterFirst + 1
                || isRecording() && linesHeld + linesOf(rows.get(rows.size() - 1)) > MAX_CPU_LINES;
    }


    /**
     * Starts a recording with the sample before the trigger and the trigger itself.
     *
     * @param leadUp what was seen just before the trigger
     */
    public void start(Sample before, Sample trigger, List<Anomaly> triggerAnomalies, long suppressed, LeadUp leadUp) {
        if (isRecording()) {
            throw new IllegalStateException("already recording");
        }
        rows.add(before);
        anomalies.add(List.of());
        rows.add(trigger); // the two a report cannot do without, whatever the line bound
        anomalies.add(List.copyOf(triggerAnomalies));
        linesHeld = linesOf(before) + linesOf(trigger);
        suppressedSamples = suppressed;
        this.leadUp = leadUp;
    }

    /** Adds the next sample and the anomalies it brought. */
    public void add(Sample sample, List<Anomaly> sampleAnomalies) {
        if (!isRecording() || isFull()) {
            throw new IllegalStateException(isRecording() ? "the recording is full" : "not recording");
        }
        rows.add(sample);
        linesHeld += linesOf(sample);
        anomalies.add(List.copyOf(sampleAnomalies));
    }

    private static int linesOf(Sample sample) {
        return sample.cpus().size() + 1;
    }

    /** What is recorded so far, as a recording that is not complete yet. */
    public Recording soFar() {
        return new Recording(rows, anomalies, false, suppressedSamples, leadUp);
    }

    /** Hands over what was recorded, full or cut short, and gets ready for the next anomaly. */
    public Recording finish() {
        boolean atLineBound = isFull() && rows.size() < rowsAfterFirst + 1;
        Recording recording = new Recording(rows, anomalies, isFull(), suppressedSamples, leadUp, atLineBound);
        rows.clear();
        anomalies.clear();
        linesHeld = 0;
        suppressedSamples = 0;
        leadUp = LeadUp.NONE;
        return recording;
    }
}
