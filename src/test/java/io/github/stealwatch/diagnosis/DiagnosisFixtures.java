package io.github.stealwatch.diagnosis;

import static io.github.stealwatch.source.TestSamples.aggregateOnly;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.detect.MaxDelta;
import io.github.stealwatch.detect.StealJumped;
import io.github.stealwatch.detect.StealWentBack;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.trace.LeadUp;
import io.github.stealwatch.trace.Recording;
import java.util.ArrayList;
import java.util.List;

/** Recordings of one aggregate line, 100 ms apart, for tests of what a diagnosis says. */
public final class DiagnosisFixtures {

    private DiagnosisFixtures() {
    }

    /** The samples of {@code steals}; row 1 trips as the detector would see it, later rows as they go. */
    public static Recording recording(LeadUp leadUp, long... steals) {
        List<Sample> rows = new ArrayList<>();
        List<List<Anomaly>> anomalies = new ArrayList<>();
        for (int i = 0; i < steals.length; i++) {
            rows.add(aggregateOnly(100L * i, steals[i]));
            anomalies.add(i == 0 ? List.of() : anomaly(steals[i - 1], steals[i]));
        }
        return new Recording(rows, anomalies, true, 0, leadUp);
    }

    private static List<Anomaly> anomaly(long before, long after) {
        if (after < before) {
            return List.of(new StealWentBack("cpu", before, after));
        }
        if (after - before > 6012) {
            return List.of(new StealJumped("cpu", before, after, 100_000_000, 1, 6012,
                    MaxDelta.Auto.withDefaultAllowance()));
        }
        return List.of();
    }
}
