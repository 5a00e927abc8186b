package io.github.stealwatch.source;

/**
 * Which boot this is and how long since it started.
 *
 * @param id          the kernel's random boot id: a new one on every boot
 * @param uptimeNanos time since boot, suspend included ({@code /proc/uptime}, CLOCK_BOOTTIME)
 */
public record Boot(String id, long uptimeNanos) {
}
