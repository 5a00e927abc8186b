package io.github.stealwatch.source;

/**
 * The raw contents of the files that tell what kind of machine this is, each stripped, or null
 * when the file is absent or unreadable.
 *
 * @param hypervisorType /sys/hypervisor/type
 * @param xenGuestType   /sys/hypervisor/guest_type
 * @param dmiVendor      /sys/class/dmi/id/sys_vendor
 * @param dmiProduct     /sys/class/dmi/id/product_name
 * @param cpuFlags       the first "flags" line of /proc/cpuinfo (x86), after its colon
 * @param cpuArchitecture the first "CPU architecture" line of /proc/cpuinfo (arm), after its colon
 * @param clocksource    clocksource0/current_clocksource
 * @param clocksources   clocksource0/available_clocksource
 * @param cmdline        /proc/cmdline
 */
record MachineFiles(String hypervisorType, String xenGuestType, String dmiVendor, String dmiProduct,
                    String cpuFlags, String cpuArchitecture, String clocksource, String clocksources,
                    String cmdline) {
}
