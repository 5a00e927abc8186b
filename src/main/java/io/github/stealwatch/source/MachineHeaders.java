package io.github.stealwatch.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine's facts as a trace's header lines ({@code # hypervisor: xen PV}), so a replay
 * elsewhere diagnoses the trace with the facts of the machine that recorded it.
 */
final class MachineHeaders {

    static final String FROM_TRACE = "from the trace's header";
    static final String NOT_IN_TRACE = "not in the trace's header";

    private static final String HYPERVISOR = "hypervisor";
    private static final String CLOCKSOURCE = "clocksource";
    private static final String CLOCKSOURCES = "available clocksources";
    private static final String DMI = "dmi";
    private static final String BOOT_OPTIONS = "boot options";
    private static final String ARCH = "arch";

    private static final List<String> KEYS = List.of(HYPERVISOR, CLOCKSOURCE, CLOCKSOURCES, DMI, BOOT_OPTIONS, ARCH);

    private MachineHeaders() {
    }

    /** The header lines, key to value, in the order a trace writes them. */
    static Map<String, String> of(MachineFacts machine) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HYPERVISOR, machine.hypervisor().value()
                + (machine.guestType().isKnown() ? " " + machine.guestType().value() : ""));
        headers.put(CLOCKSOURCE, machine.clocksource().value());
        headers.put(CLOCKSOURCES, machine.clocksources().value());
        headers.put(DMI, machine.dmi().value());
        headers.put(BOOT_OPTIONS, machine.bootOptions().value());
        headers.put(ARCH, machine.arch().value());
        return headers;
    }

    /** The facts the header lines name; any it does not name are unknown. */
    static MachineFacts from(Map<String, String> headers) {
        String hypervisor = headers.get(HYPERVISOR);
        String guestType = null;
        if (hypervisor != null && hypervisor.indexOf(' ') > 0) {
            guestType = hypervisor.substring(hypervisor.indexOf(' ') + 1).strip();
            hypervisor = hypervisor.substring(0, hypervisor.indexOf(' '));
        }
        return new MachineFacts(fact(hypervisor), fact(guestType), fact(headers.get(DMI)),
                fact(headers.get(CLOCKSOURCE)), fact(headers.get(CLOCKSOURCES)), fact(headers.get(BOOT_OPTIONS)),
                fact(headers.get(ARCH)));
    }

    /** True for the keys this class reads. */
    static boolean isMachineKey(String key) {
        return KEYS.contains(key);
    }

    private static Fact fact(String value) {
        if (value == null || value.isEmpty() || value.equals(HostFacts.UNKNOWN)) {
            return Fact.unknown(NOT_IN_TRACE);
        }
        return new Fact(value, FROM_TRACE);
    }
}
