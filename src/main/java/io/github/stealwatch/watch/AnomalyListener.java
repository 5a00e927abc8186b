package io.github.stealwatch.watch;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.trace.Recording;
import java.util.List;

/** Told of every sample in which a steal counter misbehaved, whether or not a report follows, and of each recording. */
public interface AnomalyListener {

    AnomalyListener NONE = (sample, anomalies) -> { };

    void anomalous(Sample sample, List<Anomaly> anomalies);

    /** A recording is finished and about to be reported (check keeps the first, for its diagnosis). */
    default void recorded(Recording recording) {
    }
}
