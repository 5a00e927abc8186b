package io.github.stealwatch.source;

/**
 * What kind of machine the samples come from, as far as files a non-root user can read tell:
 * the facts a diagnosis matches known steal-clock bugs against.
 *
 * @param hypervisor   as {@code systemd-detect-virt} names it: xen, kvm, qemu, microsoft, vmware,
 *                     google, ...; "none" on bare metal; "other" when a hypervisor is there but unnamed
 * @param guestType    Xen's guest type: PV, HVM or PVH
 * @param dmi          the firmware's system vendor and product name
 * @param clocksource  the clocksource in use
 * @param clocksources the clocksources the kernel registered, a sign of its paravirt interfaces
 * @param bootOptions  the kernel command line options that touch steal accounting
 * @param arch         x86 or arm64, from /proc/cpuinfo's layout
 */
public record MachineFacts(Fact hypervisor, Fact guestType, Fact dmi, Fact clocksource, Fact clocksources,
                           Fact bootOptions, Fact arch) {

    /** A machine nothing is known of, e.g. a trace without the header lines. */
    public static MachineFacts unknown(String why) {
        Fact unknown = Fact.unknown(why);
        return new MachineFacts(unknown, unknown, unknown, unknown, unknown, unknown, unknown);
    }

    /**
     * True when the kernel registered a paravirt interface of {@code family} ("xen", "kvm"), or the
     * hypervisor is one.
     */
    public boolean speaks(String family) {
        return hypervisor.is(family) || hasClocksource(family.equals("kvm") ? "kvm-clock" : family);
    }

    /** True when the kernel was booted with {@code option} ("no-steal-acc"), or one starting so ("nohz_full="). */
    public boolean bootsWith(String option) {
        for (String word : bootOptions.value().split(" ")) {
            if (isOption(word, option)) {
                return true;
            }
        }
        return false;
    }

    /** True when a command-line word is {@code option}, or sets it when it ends in "=" ("nohz_full=2-7"). */
    static boolean isOption(String word, String option) {
        return option.endsWith("=") ? word.startsWith(option) : word.equals(option);
    }

    private boolean hasClocksource(String name) {
        return (" " + clocksources.value() + " ").contains(" " + name + " ");
    }
}
