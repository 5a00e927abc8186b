package io.github.stealwatch.watch;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.source.Sample;
import java.util.List;

/** Told of every sample in which a steal counter misbehaved, whether or not a report follows. */
public interface AnomalyListener {

    AnomalyListener NONE = (sample, anomalies) -> { };

    void anomalous(Sample sample, List<Anomaly> anomalies);
}
