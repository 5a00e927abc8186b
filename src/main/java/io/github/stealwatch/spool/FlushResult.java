package io.github.stealwatch.spool;

/**
 * What a flush of the spool did.
 *
 * @param sent    reports the SMTP server accepted, now deleted
 * @param waiting reports still in the spool
 */
public record FlushResult(int sent, int waiting) {
}
