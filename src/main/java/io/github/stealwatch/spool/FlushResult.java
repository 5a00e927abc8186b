package io.github.stealwatch.spool;

/**
 * What a flush of the spool did.
 *
 * @param sent       reports the SMTP server accepted, now deleted
 * @param waiting    reports still in the spool
 * @param passedOver of those, the ones that do not hold back newer reports: the server refused
 *                   them (a rejected recipient), or they cannot be read
 */
public record FlushResult(int sent, int waiting, int passedOver) {

    /** Nothing was in the spool. */
    static final FlushResult EMPTY = new FlushResult(0, 0, 0);

    /** True when only reports that were passed over still wait: the server takes mail. */
    boolean onlyPassedOverWait() {
        return waiting == passedOver;
    }
}
