package io.github.stealwatch.check;

import java.util.Locale;

/**
 * A verdict as one status line in the monitoring-plugins format (Nagios, Icinga, Naemon):
 * {@code STEAL OK - text | perfdata}, with the steal share as a percentage and the raw steal
 * counter as a continuous counter ({@code c}) a grapher can derive a rate from.
 */
public final class PluginLine {

    /** The service name monitoring systems show before the state. */
    static final String SERVICE = "STEAL";

    private PluginLine() {
    }

    public static String format(Verdict verdict) {
        String line = SERVICE + " " + verdict.state() + " - " + verdict.summary();
        if (verdict.samples() == 0) {
            return line; // nothing was measured: no performance data to give
        }
        double percent = verdict.stealPercent();
        return line + " | steal=" + (Double.isNaN(percent) ? "U" : String.format(Locale.ROOT, "%.1f%%", percent))
                + ";" + number(verdict.thresholds().warningPercent())
                + ";" + number(verdict.thresholds().criticalPercent())
                + ";0;100 steal_ticks=" + Long.toUnsignedString(verdict.stealCounter()) + "c";
    }

    /** A threshold as plugins write it: no trailing ".0", empty when off. */
    public static String number(Double value) {
        if (value == null) {
            return "";
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : value.toString();
    }
}
