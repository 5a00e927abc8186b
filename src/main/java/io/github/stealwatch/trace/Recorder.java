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

    private final int rowsAfterFirst;
    private final List<Sample> rows;
    private final List<List<Anomaly>> anomalies;
    private long suppressedSamples;
    private LeadUp leadUp = LeadUp.NONE;

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

    public boolean isFull() {
        return rows.size() == rowsAfterFirst + 1;
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
        suppressedSamples = suppressed;
        this.leadUp = leadUp;
        add(trigger, triggerAnomalies);
    }

    /** Adds the next sample and the anomalies it brought. */
    public void add(Sample sample, List<Anomaly> sampleAnomalies) {
        if (!isRecording() || isFull()) {
            throw new IllegalStateException(isRecording() ? "the recording is full" : "not recording");
        }
        rows.add(sample);
        anomalies.add(List.copyOf(sampleAnomalies));
    }

    /** Hands over what was recorded, full or cut short, and gets ready for the next anomaly. */
    public Recording finish() {
        Recording recording = new Recording(rows, anomalies, isFull(), suppressedSamples, leadUp);
        rows.clear();
        anomalies.clear();
        suppressedSamples = 0;
        leadUp = LeadUp.NONE;
        return recording;
    }
}
