package io.github.stealwatch.source;

/**
 * What a report says about the machine it comes from.
 *
 * @param hostName      the kernel's host name
 * @param kernelRelease {@code uname -r}
 */
public record HostFacts(String hostName, String kernelRelease) {

    public static final String UNKNOWN = "unknown";
}
