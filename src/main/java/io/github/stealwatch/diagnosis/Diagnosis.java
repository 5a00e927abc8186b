package io.github.stealwatch.diagnosis;

import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.trace.LeadUp;
import java.util.List;

/**
 * What a report says about an anomaly beyond the numbers: what the counter did, in what context,
 * on what machine, which known issues match, and what to do.
 *
 * @param finding          what the counter did at the trigger
 * @param afterwards       what it did after
 * @param leadUp           a stall or hotplug just before the trigger (watch and replay)
 * @param betweenRunsNanos for an audit's comparison, the time between the two runs; else null
 * @param host             the machine
 * @param knownIssues      the known issues whose evidence is all there
 */
public record Diagnosis(Finding finding, Afterwards afterwards, LeadUp leadUp, Long betweenRunsNanos, HostFacts host,
                        List<KnownIssue> knownIssues) {

    public Diagnosis {
        knownIssues = List.copyOf(knownIssues);
    }

    public Pattern pattern() {
        return finding.pattern();
    }

    public Aftermath after() {
        return afterwards.kind();
    }

    /** The ids of the matching known issues. */
    public List<String> knownIssueIds() {
        return knownIssues.stream().map(KnownIssue::id).toList();
    }
}
