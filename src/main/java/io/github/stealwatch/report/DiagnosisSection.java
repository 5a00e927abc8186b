package io.github.stealwatch.report;

import io.github.stealwatch.diagnosis.Advice;
import io.github.stealwatch.diagnosis.Afterwards;
import io.github.stealwatch.diagnosis.Diagnosis;
import io.github.stealwatch.diagnosis.Finding;
import io.github.stealwatch.diagnosis.Pattern;
import io.github.stealwatch.diagnosis.WrapArithmetic;
import io.github.stealwatch.source.Fact;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.MachineFacts;
import io.github.stealwatch.trace.LeadUp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a diagnosis as the report's Diagnosis section: labelled lines, each wrapped onto indented
 * continuation lines, every claim with the evidence or the source it comes from.
 */
final class DiagnosisSection {

    /** Mail readers show about this many columns without wrapping lines themselves. */
    static final int WIDTH = 100;

    private static final String INDENT = "               ";

    /** Units that stay on the line of their number. */
    private static final List<String> UNITS = List.of("ms", "s", "min", "h", "d", "ticks");

    /** How a report names the hypervisors {@link MachineFacts#hypervisor()} tells apart. */
    private static final Map<String, String> NAMES = Map.of("xen", "Xen", "kvm", "KVM", "qemu", "QEMU",
            "microsoft", "Hyper-V", "vmware", "VMware", "google", "Google Compute Engine", "oracle", "VirtualBox",
            "none", "bare metal", "other", "an unnamed hypervisor");

    private DiagnosisSection() {
    }

    static String format(Diagnosis diagnosis) {
        StringBuilder text = new StringBuilder("Diagnosis:\n");
        labelled(text, "Pattern:", pattern(diagnosis.finding()) + " " + afterwards(diagnosis));
        labelled(text, "Context:", context(diagnosis));
        labelled(text, "Machine:", machine(diagnosis.host()));
        if (diagnosis.knownIssues().isEmpty()) {
            labelled(text, "Known issue:", "none: no known issue matches Linux " + diagnosis.host().kernelRelease()
                    + " on " + hypervisorName(diagnosis.host().machine()) + " with this pattern.");
        } else {
            diagnosis.knownIssues().forEach(issue -> labelled(text, "Known issue:", issue.id() + ": " + issue.title()
                    + ". It needs " + issue.needs() + ", all shown here. " + issue.mechanism() + " Sources: "
                    + String.join("; ", issue.sources()) + "."));
        }
        labelled(text, "What to do:", String.join(" ", Advice.of(diagnosis)));
        return text.toString();
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
            case UNKNOWN -> after.changes() < 3
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
                    + "one, on the same boot (the boot id did not change): the machine did not reboot in between. "
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
                : " " + online.line() + " came online " + AnomalyText.duration(online.agoNanos()) + " before the trigger.";
        return stalled + hotplug;
    }

    /** The known facts with where each came from, then the unknown ones grouped by why. */
    private static String machine(HostFacts host) {
        MachineFacts machine = host.machine();
        List<String> known = new ArrayList<>();
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        Fact hypervisor = machine.hypervisor();
        if (hypervisor.isKnown()) {
            Fact type = machine.guestType();
            boolean sameSource = type.knownFrom().equals(hypervisor.knownFrom());
            known.add(hypervisorName(machine) + (type.isKnown() ? " " + type.value() : "")
                    + (hypervisor.is("none") ? "" : " guest") + " (" + hypervisor.knownFrom()
                    + (type.isKnown() && !sameSource ? "; " + type.knownFrom() : "") + ")");
        } else {
            unknown.computeIfAbsent(hypervisor.knownFrom(), why -> new ArrayList<>()).add("hypervisor");
        }
        describe(known, unknown, "DMI", machine.dmi());
        Fact clocksource = machine.clocksource();
        Fact available = machine.clocksources();
        if (clocksource.isKnown() && available.isKnown() && parent(clocksource).equals(parent(available))) {
            known.add("clocksource " + clocksource.value() + ", available " + available.value() + " ("
                    + parent(clocksource) + ")");
        } else {
            describe(known, unknown, "clocksource", clocksource);
            describe(known, unknown, "available clocksources", available);
        }
        describe(known, unknown, "kernel", new Fact(host.kernelRelease(), host.kernelFrom()));
        describe(known, unknown, "boot options", machine.bootOptions());
        describe(known, unknown, "arch", machine.arch());
        StringBuilder text = new StringBuilder(known.isEmpty() ? "" : String.join("; ", known) + ".");
        unknown.forEach((why, names) -> text.append(" Unknown: ").append(String.join(", ", names))
                .append(" (").append(why).append(")."));
        return text.toString().strip();
    }

    /** The directory a fact's file is in, or where it came from when that is no file. */
    private static String parent(Fact fact) {
        String from = fact.knownFrom();
        return from.startsWith("/") && from.lastIndexOf('/') > 0 ? from.substring(0, from.lastIndexOf('/')) : from;
    }

    private static void describe(List<String> known, Map<String, List<String>> unknown, String name, Fact fact) {
        if (fact.isKnown()) {
            known.add(name + " " + fact.value() + " (" + fact.knownFrom() + ")");
        } else {
            unknown.computeIfAbsent(fact.knownFrom(), why -> new ArrayList<>()).add(name);
        }
    }

    private static String hypervisorName(MachineFacts machine) {
        return NAMES.getOrDefault(machine.hypervisor().value(), machine.hypervisor().value());
    }

    /** The text's words, a unit kept with its number ("400 ms") so a line never breaks between them. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.split(" ")) {
            boolean unit = UNITS.contains(word.replaceAll("[^a-z]", ""))
                    && !words.isEmpty() && words.get(words.size() - 1).matches(".*\\d");
            if (unit) {
                words.set(words.size() - 1, words.get(words.size() - 1) + " " + word);
            } else {
                words.add(word);
            }
        }
        return words;
    }

    /** Appends "  Label:  text", wrapped at {@link #WIDTH} with continuation lines under the text. */
    private static void labelled(StringBuilder out, String label, String text) {
        String prefix = "  " + label + " ".repeat(INDENT.length() - 2 - label.length());
        StringBuilder line = new StringBuilder(prefix);
        for (String word : words(text)) {
            if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(INDENT);
            } else if (line.length() > INDENT.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.append(line).append('\n');
    }
}
