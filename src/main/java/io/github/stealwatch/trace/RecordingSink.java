package io.github.stealwatch.trace;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.source.Sample;
import java.util.List;

/**
 * Where a watchdog's recordings go. A sink that only reports needs {@link #finished}; one that
 * keeps the recording on disk as it grows (the watch's spool) also hears it start and grow, so a
 * kill in the middle of a recording loses none of its rows. Called on the sampling thread: a sink
 * must not block.
 */
public interface RecordingSink {

    /** A recording began: {@code soFar} holds the row before the trigger and the trigger. */
    default void started(Recording soFar) {
    }

    /** The recording that started last took another row. */
    default void added(Sample row, List<Anomaly> anomalies) {
    }

    /** The recording is finished, full or cut short. */
    void finished(Recording recording);
}
