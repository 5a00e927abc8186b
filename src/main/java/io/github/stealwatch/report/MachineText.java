package io.github.stealwatch.report;

import io.github.stealwatch.source.Fact;
import io.github.stealwatch.source.HostFacts;
import io.github.stealwatch.source.MachineFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Says what is known of a machine and where each fact came from, and what is not known and why. */
final class MachineText {

    /** How a report names the hypervisors {@link MachineFacts#hypervisor()} tells apart. */
    private static final Map<String, String> NAMES = Map.of("xen", "Xen", "kvm", "KVM", "qemu", "QEMU",
            "microsoft", "Hyper-V", "vmware", "VMware", "google", "Google Compute Engine", "oracle", "VirtualBox",
            "none", "bare metal", "other", "an unnamed hypervisor");

    private MachineText() {
    }

    /** The known facts with where each came from, then the unknown ones grouped by why. */
    static String of(HostFacts host) {
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
        add(known, unknown, "DMI", machine.dmi());
        Fact clocksource = machine.clocksource();
        Fact available = machine.clocksources();
        if (clocksource.isKnown() && available.isKnown() && parent(clocksource).equals(parent(available))) {
            known.add("clocksource " + clocksource.value() + ", available " + available.value() + " ("
                    + parent(clocksource) + ")");
        } else {
            add(known, unknown, "clocksource", clocksource);
            add(known, unknown, "available clocksources", available);
        }
        add(known, unknown, "kernel", new Fact(host.kernelRelease(), host.kernelFrom()));
        add(known, unknown, "boot options", machine.bootOptions());
        add(known, unknown, "arch", machine.arch());
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

    private static void add(List<String> known, Map<String, List<String>> unknown, String name, Fact fact) {
        if (fact.isKnown()) {
            known.add(name + " " + fact.value() + " (" + fact.knownFrom() + ")");
        } else {
            unknown.computeIfAbsent(fact.knownFrom(), why -> new ArrayList<>()).add(name);
        }
    }

    static String hypervisorName(MachineFacts machine) {
        return NAMES.getOrDefault(machine.hypervisor().value(), machine.hypervisor().value());
    }
}
