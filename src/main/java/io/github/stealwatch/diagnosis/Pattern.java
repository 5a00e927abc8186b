package io.github.stealwatch.diagnosis;

/** What the steal counter did at the trigger. */
public enum Pattern {
    /** A rise only a wrap explains: the steal clock stepped back past zero (see {@link WrapArithmetic}). */
    WRAPPED,
    /** A drop: the steal clock stepped back by less than the steal accumulated so far. */
    WENT_BACK,
    /** A rise beyond what can accrue, and too small to be a wrap. */
    JUMPED;

    /** The name JSON and the report use. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
