package io.github.stealwatch.diagnosis;

/** What the counter did in the samples recorded after the trigger. */
public enum Aftermath {
    /** Most later samples went back too: the counter stays broken until a reboot, as before Linux 4.11. */
    KEPT_GOING_BACK,
    /** It counted up at a possible rate again: a one-time step, as on Linux 4.11 and later. */
    NORMAL_AGAIN,
    /** Too few samples followed, or they did neither. */
    UNKNOWN;

    /** The name JSON and the report use. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
