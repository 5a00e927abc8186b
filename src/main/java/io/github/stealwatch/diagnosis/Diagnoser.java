package io.github.stealwatch.diagnosis;

import io.github.stealwatch.detect.Anomaly;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.Sample;
import io.github.stealwatch.trace.LeadUp;
import io.github.stealwatch.trace.Recording;
import java.util.List;

/** Diagnoses an anomaly from its samples and the machine's facts: a pure function, no I/O. */
public final class Diagnoser {

    private Diagnoser() {
    }

    /** The diagnosis of a recording: its trigger is row 1, the samples after it follow. */
    public static Diagnosis diagnose(Recording recording, HostFacts host) {
        List<Sample> rows = recording.rows();
        Finding finding = Finding.of(recording.trigger(), rows.get(0), rows.get(1));
        Afterwards afterwards = Afterwards.judge(rows, 1, finding.line(), recording.complete());
        return diagnosis(finding, afterwards, recording.leadUp(), null, host);
    }

    /**
     * The diagnosis of what went wrong between two audits.
     *
     * @param anomalies    the comparison's anomalies, the earlier run's values against this run's
     * @param elapsedNanos the time between the two runs
     * @param laterRows    this run's live window, starting with the sample compared
     */
    public static Diagnosis betweenRuns(List<Anomaly> anomalies, long elapsedNanos, List<Sample> laterRows,
                                        HostFacts host) {
        Finding finding = Finding.best(anomalies.stream()
                .map(anomaly -> Finding.classify(anomaly, anomaly.before(), anomaly.after(), elapsedNanos)).toList());
        Afterwards afterwards = Afterwards.judge(laterRows, 0, finding.line(), true);
        return diagnosis(finding, afterwards, LeadUp.NONE, elapsedNanos, host);
    }

    private static Diagnosis diagnosis(Finding finding, Afterwards afterwards, LeadUp leadUp, Long betweenRunsNanos,
                                       HostFacts host) {
        Evidence evidence = new Evidence(finding, afterwards, host.machine(), KernelVersion.of(host.kernelRelease()),
                leadUp);
        return new Diagnosis(finding, afterwards, leadUp, betweenRunsNanos, host, KnownIssues.matching(evidence));
    }
}
