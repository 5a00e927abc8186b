package io.github.stealwatch.source;

/**
 * The careful parse of a counter too long to be sure it fits: /proc/stat's counters are unsigned
 * 64-bit (u64 in fs/proc/stat.c), kept in a signed long with the same bits.
 */
final class UnsignedCounter {

    /** 10^18 - 1 is the largest 18-digit number, far below 2^63: shorter counters need no check. */
    static final int ALWAYS_FITTING_DIGITS = 18;

    /** The largest u64 divided by ten, and the last digit it allows: the overflow check's bounds. */
    private static final long U64_MAX_DIV_10 = Long.divideUnsigned(-1L, 10);
    private static final long U64_MAX_LAST_DIGIT = Long.remainderUnsigned(-1L, 10);

    private UnsignedCounter() {
    }

    /**
     * The value of the digits {@code data[from, to)}, or an error if it is above 2^64-1;
     * {@code counter}, {@code lineNumber} and {@code line} label the error.
     */
    static long parse(byte[] data, int from, int to, int counter, int lineNumber, String line)
            throws StatFormatException {
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = data[i] - '0';
            if (Long.compareUnsigned(value, U64_MAX_DIV_10) > 0
                    || (value == U64_MAX_DIV_10 && digit > U64_MAX_LAST_DIGIT)) {
                throw new StatFormatException("counter " + counter + " is larger than 2^64-1", lineNumber, line);
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
