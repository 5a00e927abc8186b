package io.github.stealwatch.diagnosis;

import io.github.stealwatch.source.MachineFacts;
import java.util.ArrayList;
import java.util.List;

/** What to do about a diagnosed anomaly, as sentences: the report prints them, check's JSON joins them. */
public final class Advice {

    private Advice() {
    }

    public static List<String> of(Diagnosis diagnosis) {
        List<String> advice = new ArrayList<>();
        advice.add(switch (diagnosis.after()) {
            case KEPT_GOING_BACK -> "Reboot this VM: the counter keeps going back, and nothing short of a reboot "
                    + "resets it.";
            case NORMAL_AGAIN -> "The counter needs no reboot: it counts normally again.";
            case UNKNOWN -> "See whether the counter counts normally again (stealwatch check); if it keeps going "
                    + "back, reboot: nothing else resets it.";
        });
        for (KnownIssue issue : diagnosis.knownIssues()) {
            advice.add(issue.id() + ": " + issue.remedy());
        }
        if (diagnosis.knownIssues().isEmpty()) {
            advice.add("No known issue explains it: if it happens again, keep this report and a trace (stealwatch "
                    + "record) for the bug tracker of your hypervisor or distribution.");
        }
        // A one-time step that is over needs no remedy that costs all of paravirt.
        String nopv = diagnosis.after() == Aftermath.NORMAL_AGAIN ? null : nopv(diagnosis.host().machine());
        if (nopv != null) {
            advice.add(nopv);
        }
        advice.add((diagnosis.host().machine().bootsWith("no-steal-acc")
                ? "This machine boots with no-steal-acc, and that does not help: " : "Do not boot with no-steal-acc "
                + "for this: ")
                + "it only keeps steal out of the scheduler, and /proc/stat still counts it "
                + "(Documentation/admin-guide/kernel-parameters.txt; it clears paravirt_steal_rq_enabled, not "
                + "paravirt_steal_enabled).");
        advice.add(diagnosis.after() == Aftermath.NORMAL_AGAIN
                ? "Meanwhile, top, vmstat, sar, node_exporter and every CPU graph of this VM show wrong CPU shares for "
                + "the intervals that span the step."
                : "Until the counter is sane again, top, vmstat, sar, node_exporter and every CPU graph of this VM "
                + "show wrong steal, and wrong user, system and idle shares beside it.");
        return advice;
    }

    /**
     * What nopv, an x86 option, would do on this guest, or null where nothing tells
     * (arch/x86/kernel/cpu/hypervisor.c).
     */
    private static String nopv(MachineFacts machine) {
        if (!machine.arch().is("x86")) {
            return null;
        }
        String lastResort = "Booting with nopv turns steal accounting off on this guest, with every other paravirt "
                + "feature (kvmclock, PV spinlocks, PV drivers): a last resort.";
        if (machine.hypervisor().is("xen")) {
            return switch (machine.guestType().value()) {
                case "PV" -> "nopv does not help here: Xen PV guests ignore it (arch/x86/xen/enlighten_pv.c).";
                case "HVM" -> lastResort;
                default -> null;
            };
        }
        return machine.speaks("kvm") || machine.hypervisor().is("vmware") ? lastResort : null;
    }
}
