package io.github.stealwatch.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MachineFactsReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            xen-pv      | xen       | PV      | x86     | xen                         | /sys/hypervisor/type
            xen-hvm     | xen       | HVM     | x86     | xen                         | /sys/hypervisor/type
            kvm-qemu    | kvm       | unknown | x86     | kvm-clock                   | DMI vendor 'QEMU' (/sys/class/dmi/id/sys_vendor) and kvm-clock among the available clocksources, which only KVM provides
            ec2-nitro   | kvm       | unknown | x86     | kvm-clock                   | DMI vendor 'Amazon EC2' (/sys/class/dmi/id/sys_vendor)
            ec2-metal   | none      | unknown | x86     | tsc                         | DMI product 'm5.metal', an EC2 bare-metal instance
            hyperv      | microsoft | unknown | x86     | hyperv_clocksource_tsc_page | DMI vendor and product (/sys/class/dmi/id/sys_vendor, /sys/class/dmi/id/product_name)
            vmware      | vmware    | unknown | x86     | tsc                         | DMI vendor 'VMware, Inc.' (/sys/class/dmi/id/sys_vendor)
            firecracker | kvm       | unknown | x86     | tsc                         | hypervisor flag in /proc/cpuinfo and kvm-clock among the available clocksources
            bare-metal  | none      | unknown | x86     | tsc                         | no hypervisor flag in /proc/cpuinfo
            arm64-kvm   | kvm       | unknown | arm64   | arch_sys_counter            | DMI product 'KVM Virtual Machine' (/sys/class/dmi/id/product_name)
            """)
    void tellsTheHypervisorAndHowItKnows(String machine, String hypervisor, String guestType, String arch,
                                         String clocksource, String knownFrom) {
        MachineFacts facts = Machines.hostFacts(machine).machine();

        assertEquals(new Fact(hypervisor, knownFrom), facts.hypervisor());
        assertEquals(guestType, facts.guestType().value());
        assertEquals(arch, facts.arch().value());
        assertEquals(clocksource, facts.clocksource().value());
    }

    @Test
    void aFirecrackerGuestHasNoDmiAndSaysSo() {
        MachineFacts facts = Machines.hostFacts("firecracker").machine();

        assertEquals(Fact.unknown("no DMI in /sys/class/dmi/id"), facts.dmi());
        assertTrue(facts.speaks("kvm"));
        assertFalse(facts.speaks("xen"));
    }

    @Test
    void findsTheBootOptionsThatTouchStealAndIgnoresInitArguments() {
        assertEquals(new Fact("nohz_full=2-7", "/proc/cmdline"),
                Machines.hostFacts("bare-metal").machine().bootOptions());
        assertTrue(Machines.hostFacts("vmware").machine().bootsWith("no-steal-acc"));
        assertEquals("none", Machines.hostFacts("firecracker").machine().bootOptions().value(),
                "the words after -- go to init");
        assertFalse(Machines.hostFacts("kvm-qemu").machine().bootsWith("no-steal-acc"));
    }

    @Test
    void readsTheKernelFromTheProcRoot() {
        HostFacts host = Machines.hostFacts("xen-pv");

        assertEquals("4.9.0-3-amd64", host.kernelRelease());
        assertEquals("/proc/sys/kernel/osrelease", host.kernelFrom());
        assertEquals("xen-pv", host.hostName());
    }

    @Test
    void knowsNothingFromEmptyRootsAndFailsOnNothing(@TempDir Path empty) {
        MachineFacts facts = MachineFactsReader.read(empty, empty);

        assertFalse(facts.hypervisor().isKnown());
        assertEquals("no Xen sysfs, no known DMI vendor, /proc/cpuinfo unreadable", facts.hypervisor().knownFrom());
        assertFalse(facts.clocksource().isKnown());
        assertFalse(facts.bootOptions().isKnown());
        assertFalse(facts.arch().isKnown());
    }

    @Test
    void aHypervisorFlagWithNothingToNameItIsOther(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("cpuinfo"), "processor\t: 0\nflags\t\t: fpu tsc hypervisor\n\n");

        assertEquals(new Fact("other", "hypervisor flag in /proc/cpuinfo, but nothing names it"),
                MachineFactsReader.read(root, root).hypervisor());
    }

    @Test
    void readsOnlyTheFirstCpuOfCpuinfo(@TempDir Path root) throws Exception {
        // A second block with other flags must not be read: a large machine repeats the block per CPU.
        Files.writeString(root.resolve("cpuinfo"), "processor\t: 0\nflags\t\t: fpu tsc\n\n"
                + "processor\t: 1\nflags\t\t: fpu tsc hypervisor\n\n");

        assertEquals("none", MachineFactsReader.read(root, root).hypervisor().value());
    }
}
