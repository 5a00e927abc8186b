package io.github.stealwatch.source;

/**
 * One thing known about the machine, and how it was known, so a report can name its evidence.
 *
 * @param value     what is known, e.g. "xen"; {@link HostFacts#UNKNOWN} when nothing tells
 * @param knownFrom where it was read, e.g. "/sys/hypervisor/type", or why it is unknown
 */
public record Fact(String value, String knownFrom) {

    public static Fact unknown(String why) {
        return new Fact(HostFacts.UNKNOWN, why);
    }

    public boolean isKnown() {
        return !value.equals(HostFacts.UNKNOWN);
    }

    public boolean is(String expected) {
        return value.equals(expected);
    }
}
