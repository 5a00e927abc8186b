package io.github.stealwatch.metrics;

/**
 * Everything one write of a metrics file says besides the time of the write.
 *
 * @param lastAnomalySeconds when a steal counter last misbehaved, in Unix seconds; 0 if never
 * @param stealRatio         steal's share of CPU time on the aggregate line over the interval the
 *                           command measured, 0 to 1; NaN when a counter misbehaved in it or nothing
 *                           was measured
 * @param spoolReports       reports waiting in the spool; NaN when the spool cannot be read
 */
public record Readings(Counts counts, double lastAnomalySeconds, double stealRatio, double spoolReports) {
}
