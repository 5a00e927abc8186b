package io.github.stealwatch.cli;

import io.github.stealwatch.time.DurationText;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as people write them: {@code 100ms}, {@code 5s}, {@code 2m}, {@code 1h}. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h)");

    /**
     * Ten years: far above any sane use, and far below the 292 years of nanoseconds a long holds, so
     * a deadline of now plus a duration can never overflow.
     */
    static final Duration LONGEST = Duration.ofDays(3650);

    @Override
    public Duration convert(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + text + "' is not a duration: write a whole number and a unit, "
                    + "e.g. 100ms, 5s, 2m, 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.compareTo(LONGEST) > 0) {
            throw new TypeConversionException("'" + text + "' is too long: at most " + LONGEST.toHours() + "h");
        }
        return duration;
    }

    /** The way a duration reads back in log lines and reports. */
    static String format(Duration duration) {
        return DurationText.format(duration);
    }
}
