package io.github.stealwatch.source;

/**
 * What a report says about the machine it comes from.
 *
 * @param hostName      the kernel's host name
 * @param kernelRelease {@code uname -r}
 * @param kernelFrom    where the release was read, for a report that names its evidence
 * @param machine       what kind of machine it is, for the diagnosis
 */
public record HostFacts(String hostName, String kernelRelease, String kernelFrom, MachineFacts machine) {

    public static final String UNKNOWN = "unknown";

    /** A host known only by name and kernel, e.g. in a test. */
    public HostFacts(String hostName, String kernelRelease) {
        this(hostName, kernelRelease, "given", MachineFacts.unknown("not read"));
    }
}
