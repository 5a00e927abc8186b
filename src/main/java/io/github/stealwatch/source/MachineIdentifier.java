package io.github.stealwatch.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tells what kind of machine the raw files describe, in the order systemd-detect-virt trusts
 * them (src/basic/virt.c): Xen's own sysfs file, then the DMI vendor strings, then the CPU's
 * hypervisor flag with the paravirt clocksources the kernel registered.
 */
final class MachineIdentifier {

    static final String HYPERVISOR_TYPE = "/sys/hypervisor/type";
    static final String GUEST_TYPE = "/sys/hypervisor/guest_type";
    static final String DMI_VENDOR = "/sys/class/dmi/id/sys_vendor";
    static final String DMI_PRODUCT = "/sys/class/dmi/id/product_name";
    static final String CPUINFO = "/proc/cpuinfo";
    static final String CLOCKSOURCE_DIR = "/sys/devices/system/clocksource/clocksource0/";
    static final String CMDLINE = "/proc/cmdline";

    /**
     * DMI vendor prefixes, after systemd's dmi_vendor_table; "Amazon EC2" is KVM there (systemd
     * commit "virt: add "Amazon EC2" to dmi vendor table"). Microsoft is matched with its product below.
     */
    private static final Map<String, String> DMI_VENDORS = Map.ofEntries(
            Map.entry("KVM", "kvm"), Map.entry("OpenStack", "kvm"), Map.entry("KubeVirt", "kvm"),
            Map.entry("Amazon EC2", "kvm"), Map.entry("QEMU", "qemu"), Map.entry("VMware", "vmware"),
            Map.entry("VMW", "vmware"), Map.entry("innotek GmbH", "oracle"), Map.entry("VirtualBox", "oracle"),
            Map.entry("Xen", "xen"), Map.entry("Bochs", "bochs"), Map.entry("Parallels", "parallels"),
            Map.entry("BHYVE", "bhyve"), Map.entry("Google", "google"), Map.entry("Apple Virtualization", "apple"));

    /** Paravirt clocksources and the hypervisor that registers each (arch/x86/kernel/kvmclock.c, ...). */
    private static final Map<String, String> PARAVIRT_CLOCKSOURCES = Map.of(
            "xen", "xen", "kvm-clock", "kvm", "hyperv_clocksource_tsc_page", "microsoft",
            "hyperv_clocksource_msr", "microsoft");

    /** Kernel options that change what /proc/stat's steal column counts (kernel-parameters.txt). */
    private static final List<String> STEAL_OPTIONS = List.of("nopv", "xen_nopv", "no-steal-acc", "nohz_full=");

    private MachineIdentifier() {
    }

    static MachineFacts identify(MachineFiles files) {
        return new MachineFacts(hypervisor(files), guestType(files), dmi(files),
                known(files.clocksource(), CLOCKSOURCE_DIR + "current_clocksource"),
                known(files.clocksources(), CLOCKSOURCE_DIR + "available_clocksource"),
                bootOptions(files.cmdline()), arch(files));
    }

    private static Fact hypervisor(MachineFiles files) {
        if ("xen".equals(files.hypervisorType())) {
            return new Fact("xen", HYPERVISOR_TYPE);
        }
        String vendor = files.dmiVendor();
        if (vendor != null) {
            String product = files.dmiProduct();
            if (vendor.startsWith("Amazon EC2") && product != null && product.endsWith(".metal")) {
                return new Fact("none", "DMI product " + quoted(files.dmiProduct()) + ", an EC2 bare-metal instance");
            }
            if (files.dmiProduct() != null && files.dmiProduct().startsWith("KVM")) {
                // systemd reads product_name first for this: QEMU names itself the vendor of KVM guests.
                return new Fact("kvm", "DMI product " + quoted(files.dmiProduct()) + " (" + DMI_PRODUCT + ")");
            }
            if (vendor.startsWith("QEMU") && words(files.clocksources()).contains("kvm-clock")) {
                return new Fact("kvm", "DMI vendor 'QEMU' (" + DMI_VENDOR + ") and kvm-clock among the available "
                        + "clocksources, which only KVM provides");
            }
            if (vendor.equals("Microsoft Corporation") && "Virtual Machine".equals(files.dmiProduct())) {
                return new Fact("microsoft", "DMI vendor and product (" + DMI_VENDOR + ", " + DMI_PRODUCT + ")");
            }
            for (Map.Entry<String, String> entry : DMI_VENDORS.entrySet()) {
                if (vendor.startsWith(entry.getKey())) {
                    return new Fact(entry.getValue(), "DMI vendor " + quoted(vendor) + " (" + DMI_VENDOR + ")");
                }
            }
        }
        if (files.cpuFlags() == null) {
            String neither = "no Xen sysfs, no known DMI vendor, ";
            return Fact.unknown(neither + (files.cpuArchitecture() == null ? CPUINFO + " unreadable"
                    : "and arm CPUs have no hypervisor flag"));
        }
        if (!hasWord(files.cpuFlags(), "hypervisor")) {
            return new Fact("none", "no hypervisor flag in " + CPUINFO);
        }
        for (String clocksource : words(files.clocksources())) {
            String family = PARAVIRT_CLOCKSOURCES.get(clocksource);
            if (family != null) {
                return new Fact(family, "hypervisor flag in " + CPUINFO + " and " + clocksource
                        + " among the available clocksources");
            }
        }
        return new Fact("other", "hypervisor flag in " + CPUINFO + ", but nothing names it");
    }

    private static Fact guestType(MachineFiles files) {
        if (files.xenGuestType() != null) {
            return new Fact(files.xenGuestType(), GUEST_TYPE);
        }
        return Fact.unknown("no " + GUEST_TYPE + " (only Xen guests have one)");
    }

    private static Fact dmi(MachineFiles files) {
        if (files.dmiVendor() == null && files.dmiProduct() == null) {
            return Fact.unknown("no DMI in /sys/class/dmi/id");
        }
        return new Fact(orUnknown(files.dmiVendor()) + " / " + orUnknown(files.dmiProduct()), "/sys/class/dmi/id");
    }

    private static Fact bootOptions(String cmdline) {
        if (cmdline == null) {
            return Fact.unknown(CMDLINE + " unreadable");
        }
        // Words after a lone "--" go to init, not to the kernel.
        int initArgs = (" " + cmdline + " ").indexOf(" -- ");
        String kernelPart = initArgs < 0 ? cmdline : cmdline.substring(0, Math.max(0, initArgs - 1));
        List<String> found = new ArrayList<>();
        for (String word : words(kernelPart)) {
            for (String option : STEAL_OPTIONS) {
                if (MachineFacts.isOption(word, option)) {
                    found.add(word);
                }
            }
        }
        return found.isEmpty() ? new Fact("none", CMDLINE + ": no " + String.join(", ", STEAL_OPTIONS))
                : new Fact(String.join(" ", found), CMDLINE);
    }

    private static Fact arch(MachineFiles files) {
        if (files.cpuFlags() != null) {
            return new Fact("x86", "a flags line in " + CPUINFO);
        }
        if ("8".equals(files.cpuArchitecture())) {
            return new Fact("arm64", "CPU architecture 8 in " + CPUINFO);
        }
        return Fact.unknown(CPUINFO + " names no architecture stealwatch knows");
    }

    private static Fact known(String value, String file) {
        return value == null || value.isEmpty() ? Fact.unknown(file + " unreadable") : new Fact(value, file);
    }

    private static boolean hasWord(String text, String word) {
        return words(text).contains(word);
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    private static String orUnknown(String text) {
        return text == null ? HostFacts.UNKNOWN : text;
    }
}
