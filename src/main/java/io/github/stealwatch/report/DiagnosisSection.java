package io.github.stealwatch.report;

import io.github.stealwatch.detect.AnomalyText;
import io.github.stealwatch.diagnosis.Advice;
import io.github.stealwatch.diagnosis.Afterwards;
import io.github.stealwatch.diagnosis.Diagnosis;
import io.github.stealwatch.diagnosis.Finding;
import io.github.stealwatch.diagnosis.Pattern;
import io.github.stealwatch.diagnosis.WrapArithmetic;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.trace.LeadUp;

/**
 * Writes a diagnosis as the report's Diagnosis section: labelled lines (see {@link LabelledText}),
 * every claim with the evidence or the source it comes from.
 */
final class DiagnosisSection {

    private DiagnosisSection() {
    }

    static String format(Diagnosis diagnosis) {
        StringBuilder text = new StringBuilder("Diagnosis:\n");
        LabelledText.append(text, "Pattern:", pattern(diagnosis.finding()) + " " + afterwards(diagnosis));
        LabelledText.append(text, "Context:", context(diagnosis));
        LabelledText.append(text, "Machine:", MachineText.of(diagnosis.host()));
        if (diagnosis.knownIssues().isEmpty()) {
            LabelledText.append(text, "Known issue:", "none: no known issue matches " + kernelAndHypervisor(diagnosis)
                    + " with this pattern.");
        } else {
            diagnosis.knownIssues().forEach(issue -> LabelledText.append(text, "Known issue:", issue.id() + ": "
                    + issue.title()
                    + ". It needs " + issue.needs() + ", all shown here. " + issue.mechanism() + " Sources: "
                    + String.join("; ", issue.sources()) + "."));
        }
        LabelledText.append(text, "What to do:", String.join(" ", Advice.of(diagnosis)));
        return text.toString();
    }

    /** "Linux 6.1.0-18-amd64 on KVM", saying "an unknown kernel" or "an unknown hypervisor" where that is so. */
    private static String kernelAndHypervisor(Diagnosis diagnosis) {
        HostFacts host = diagnosis.host();
        String kernel = host.kernelRelease().equals(HostFacts.UNKNOWN) ? "an unknown kernel"
                : "Linux " + host.kernelRelease();
        String hypervisor = host.machine().hypervisor().isKnown() ? MachineText.hypervisorName(host.machine())
                : "an unknown hypervisor";
        return kernel + " on " + hypervisor;
    }

    static String pattern(Finding finding) {
        String values = "from " + Long.toUnsignedString(finding.before()) + " to "
                + Long.toUnsignedString(finding.after()) + " in " + AnomalyText.duration(finding.elapsedNanos());
        return switch (finding.pattern()) {
            case WRAPPED -> "wrapped on " + finding.line() + ": the steal clock stepped back by "
                    + finding.stepBackTicks() + " ticks (" + WrapArithmetic.duration(finding.stepBackTicks())
                    + "); the kernel's unsigned subtraction turned that into a rise of "
                    + (finding.after() - finding.before()) + " ticks, " + values + ". The step is exact to ±1 tick "
                    + "(both values are floored); steal that really accrued meanwhile would make it larger.";
            case WENT_BACK -> "went back on " + finding.line() + ": the steal counter dropped by "
                    + Long.toUnsignedString(finding.stepBackTicks()) + " ticks ("
                    + WrapArithmetic.duration(finding.stepBackTicks()) + " of steal), " + values + ".";
            case JUMPED -> "jumped on " + finding.line() + ": " + AnomalyText.describe(finding.anomaly())
                    + ". Too small for a wrap, which shows as a rise within 10^12 ticks below 2^64 ns ("
                    + WrapArithmetic.WRAP_TICKS + " ticks).";
        };
    }

    private static String afterwards(Diagnosis diagnosis) {
        Afterwards after = diagnosis.afterwards();
        String where = diagnosis.betweenRunsNanos() == null ? "" : " (in this audit's live window)";
        String rate = "it rose by " + after.rise() + " ticks in " + AnomalyText.duration(after.spanNanos())
                + ", within the " + after.limit() + " that can accrue";
        return switch (after.kind()) {
            case KEPT_GOING_BACK -> "Afterwards" + where + " it kept going back: " + after.wentBack() + " of "
                    + after.changes() + " later changes went back, the way kernels before 4.11 keep a backward "
                    + "step until a reboot.";
            case NORMAL_AGAIN -> "Afterwards" + where + " it counted normally again: " + rate + "; a one-time step, "
                    + "the way kernels since 4.11 take a clock that steps back.";
            case UNKNOWN -> after.changes() < Afterwards.MIN_CHANGES
                    ? "What it did afterwards is unknown: only " + after.changes() + " later change(s) were recorded"
                    + (after.cutShort() ? " before the recording was cut short." : ".")
                    : "What it did afterwards is unclear: " + after.wentBack() + " of " + after.changes()
                    + " later changes went back, and it rose by " + after.rise() + " ticks in "
                    + AnomalyText.duration(after.spanNanos()) + " (at most " + after.limit() + " can accrue).";
        };
    }

    private static String context(Diagnosis diagnosis) {
        if (diagnosis.betweenRunsNanos() != null) {
            return AnomalyText.duration(diagnosis.betweenRunsNanos()) + " passed between the last audit and this "
                    + "one, on the same boot (the same boot id, or an uptime grown with the clock): the machine did not "
                    + "reboot in between. "
                    + "What happened in that time was not watched.";
        }
        LeadUp leadUp = diagnosis.leadUp();
        LeadUp.Stall stall = leadUp.stall();
        LeadUp.CpuOnline online = leadUp.cpuOnline();
        if (leadUp.watchedNanos() == 0) {
            return "Nothing was watched before the trigger: a stall or a CPU coming online cannot be ruled out.";
        }
        String watched = "In the " + AnomalyText.duration(leadUp.watchedNanos()) + " watched before the trigger";
        if (stall == null && online == null) {
            return watched + ", sampling did not stall and no CPU came online.";
        }
        String stalled = stall == null ? watched + ", sampling did not stall."
                : "Sampling stalled " + (stall.agoNanos() == 0 ? "right" : AnomalyText.duration(stall.agoNanos()))
                + " before the trigger: "
                + AnomalyText.duration(stall.gapNanos()) + " passed between two samples usually "
                + AnomalyText.duration(stall.intervalNanos()) + " apart, so the VM did not run or the host starved "
                + "it (a live migration, a snapshot or a host freeze does this).";
        String hotplug = online == null ? " No CPU came online in that time."
                : " " + online.line() + " came online " + AnomalyText.duration(online.agoNanos())
                + " before the trigger.";
        return stalled + hotplug;
    }

}
