package io.github.stealwatch.check;

/**
 * The steal shares of CPU time above which a check warns or goes critical; null is off.
 *
 * @param warningPercent  {@code --warning}, from 0 to 100, or null
 * @param criticalPercent {@code --critical}, from 0 to 100, or null
 */
public record Thresholds(Double warningPercent, Double criticalPercent) {

    public static final Thresholds NONE = new Thresholds(null, null);

    /** The state a steal share puts a check in, before any counter anomaly is considered. */
    State stateOf(double stealPercent) {
        if (criticalPercent != null && stealPercent > criticalPercent) {
            return State.CRITICAL;
        }
        if (warningPercent != null && stealPercent > warningPercent) {
            return State.WARNING;
        }
        return State.OK;
    }
}
