package io.github.stealwatch.diagnosis;

import io.github.stealwatch.source.MachineFacts;
import io.github.stealwatch.trace.LeadUp;

/**
 * Everything a known issue is matched against.
 *
 * @param kernel the kernel's version, or null when unknown
 * @param leadUp what the watch saw just before the trigger ({@link LeadUp#NONE} between audits)
 */
record Evidence(Finding finding, Afterwards afterwards, MachineFacts machine, KernelVersion kernel,
                LeadUp leadUp) {

    boolean steppedBack() {
        return finding.pattern() == Pattern.WRAPPED || finding.pattern() == Pattern.WENT_BACK;
    }

    boolean kernelAtLeast(int major, int minor) {
        return kernel != null && !kernel.isBefore(major, minor);
    }

    boolean kernelBefore(int major, int minor) {
        return kernel != null && kernel.isBefore(major, minor);
    }

    /** A CPU came online just before, and the line that tripped is that CPU's or the aggregate. */
    boolean afterHotplug() {
        LeadUp.CpuOnline online = leadUp.cpuOnline();
        return online != null && (finding.line().equals(Finding.AGGREGATE_LINE) || finding.line().equals(online.line()));
    }
}
