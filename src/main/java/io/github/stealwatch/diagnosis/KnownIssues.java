package io.github.stealwatch.diagnosis;

import java.util.List;

/**
 * The known issues a report can name. Each entry's facts come from the source it cites; where a
 * release number could not be checked the entry names the commit instead. An entry matches only
 * when every piece of evidence it needs is known: an unknown kernel or hypervisor matches nothing.
 */
final class KnownIssues {

    static final KnownIssue XEN_MIGRATION = new KnownIssue("xen-steal-back-after-migration",
            "Xen guests: the steal clock goes back after a live migration or a save/restore",
            "a Xen guest, Linux 4.8 or later, and a steal counter that stepped back",
            "A migration or restore resets Xen's runstate times, which xen_steal_clock() reads; since ecb23dc6f2ef "
                    + "(\"xen: add steal_clock support on x86\") the generic code takes them without Xen's old guard "
                    + "against a smaller value. On 4.8 to 4.10 it shows as an overflow to about 1.8e12 ticks "
                    + "followed by a counter that runs backwards (top shows 100% steal or 100% idle). Fixed by "
                    + "5e25f5db6abb (\"xen/time: do not decrease steal time after live migration on xen\").",
            "A reboot clears it. A kernel with 5e25f5db6abb prevents it (Debian backported it to stretch for "
                    + "#871608). Until then, avoid live-migrating, saving or restoring this guest.",
            List.of("commit 5e25f5db6abb", "commit ecb23dc6f2ef", "https://bugs.debian.org/871608",
                    "http://lkml.iu.edu/hypermail/linux/kernel/1710.2/03549.html",
                    "https://0xstubs.org/debugging-a-flaky-cpu-steal-time-counter-on-a-paravirtualized-xen-guest/",
                    "http://2ndwatch.com/blog/corrupted-stolen-cpu-time/"),
            evidence -> evidence.machine().speaks("xen") && evidence.kernelAtLeast(4, 8) && evidence.steppedBack());

    static final KnownIssue BEFORE_4_11 = new KnownIssue("backward-step-stays-before-4.11",
            "Linux before 4.11: after one backward step the counter keeps running backwards until a reboot",
            "Linux before 4.11 and a steal counter that stepped back and did not count normally again",
            "Before 4.11 the kernel kept steal in jiffies (cputime_t) and advanced its baseline, prev_steal_time, by "
                    + "the converted amount, which after a wrapped delta never catches up with the steal clock: each "
                    + "later tick adds another huge delta (kernel/sched/cputime.c, steal_account_process_time, "
                    + "v4.10). From 4.11 steal is kept in nanoseconds and a backward step is a one-time change.",
            "Only a reboot clears it. Linux 4.11 or later (Debian 10, Ubuntu 18.04 and later ship newer kernels) "
                    + "no longer keeps a backward step.",
            List.of("kernel/sched/cputime.c v4.10 and v4.11", "https://github.com/prometheus/node_exporter/issues/742",
                    "https://github.com/influxdata/telegraf/issues/3885"),
            evidence -> evidence.kernelBefore(4, 11) && evidence.steppedBack()
                    && evidence.afterwards().kind() != Aftermath.NORMAL_AGAIN);

    static final KnownIssue KVM_HOST_MIGRATION = new KnownIssue("kvm-host-steal-init-on-migration",
            "KVM hosts that set up a guest's steal time from a non-vCPU thread during a live migration",
            "a KVM guest and a steal counter that wrapped",
            "The host took the steal-time baseline in the thread that restored the guest (QEMU's main thread) "
                    + "instead of the vCPU's, so the guest's steal overflowed after a live migration.",
            "On the host: update QEMU and the host kernel; as a workaround start the guest with "
                    + "-cpu <model>,kvm-steal-time=off (older QEMU: -kvm_steal_time), which hides steal time from "
                    + "it. In the guest, a reboot clears a counter that keeps going back.",
            List.of("https://bugs.debian.org/785557", "https://bugs.launchpad.net/bugs/1494350",
                    "https://lists.launchpad.net/kernel-packages/msg165855.html"),
            evidence -> evidence.machine().speaks("kvm") && evidence.finding().pattern() == Pattern.WRAPPED);

    static final KnownIssue ARM64_PVTIME_RESET = new KnownIssue("arm64-kvm-stolen-time-restarts",
            "arm64 KVM guests: a CPU's stolen time restarts at 0 when the CPU comes back online",
            "an arm64 KVM guest, a CPU that came online in the 10 s before, and a drop",
            "The host zeroes the stolen-time structure each time the guest enables it (arch/arm64/kvm/pvtime.c, "
                    + "kvm_init_stolen_time), and the guest enables it for each CPU that comes online.",
            "Nothing to repair: the CPU's steal counts up from its new start. Rates that span the step are wrong once.",
            List.of("arch/arm64/kvm/pvtime.c", "https://lkml.iu.edu/hypermail/linux/kernel/1909.0/01572.html"),
            evidence -> evidence.machine().arch().is("arm64")
                    && (evidence.machine().speaks("kvm") || evidence.machine().hypervisor().is("qemu"))
                    && evidence.afterHotplug() && evidence.finding().pattern() == Pattern.WENT_BACK);

    static final KnownIssue HOTPLUG = new KnownIssue("cpu-hotplug-stale-steal",
            "CPU hotplug: a CPU that comes back online starts from a stale steal baseline",
            "a CPU that came online in the 10 s before, on the line that tripped or the aggregate",
            "After a CPU goes down and up, steal minus the stale prev_steal_time can underflow to a huge value; "
                    + "e9532e69b8d1 (\"sched/cputime: Fix steal time accounting vs. CPU hotplug\") resets it.",
            "A reboot clears it; a kernel with e9532e69b8d1 prevents it. Until then, avoid taking this guest's CPUs "
                    + "offline and online.",
            List.of("commit e9532e69b8d1"),
            evidence -> evidence.afterHotplug() && !ARM64_PVTIME_RESET.matches().test(evidence));

    static final List<KnownIssue> ALL = List.of(XEN_MIGRATION, BEFORE_4_11, KVM_HOST_MIGRATION, ARM64_PVTIME_RESET,
            HOTPLUG);

    private KnownIssues() {
    }

    static List<KnownIssue> matching(Evidence evidence) {
        return ALL.stream().filter(issue -> issue.matches().test(evidence)).toList();
    }
}
