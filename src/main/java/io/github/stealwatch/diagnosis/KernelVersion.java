package io.github.stealwatch.diagnosis;

import java.util.regex.Matcher;

/**
 * A kernel release's major and minor number, e.g. 4.9 of "4.9.0-3-amd64", to place it against a
 * known bug's range.
 */
record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {

    private static final java.util.regex.Pattern RELEASE = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)");

    /** The version of a release string, or null when it does not start with one (e.g. "unknown"). */
    static KernelVersion of(String release) {
        Matcher matcher = RELEASE.matcher(release);
        if (!matcher.find()) {
            return null;
        }
        try {
            return new KernelVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean isBefore(int major, int minor) {
        return compareTo(new KernelVersion(major, minor)) < 0;
    }

    @Override
    public int compareTo(KernelVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
