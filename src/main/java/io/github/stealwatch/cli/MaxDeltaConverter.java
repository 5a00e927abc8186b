package io.github.stealwatch.cli;

import io.github.stealwatch.detect.MaxDelta;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --max-delta}: {@code auto} or a whole number of ticks. */
final class MaxDeltaConverter implements ITypeConverter<MaxDelta> {

    @Override
    public MaxDelta convert(String text) {
        if (text.equals("auto")) {
            return MaxDelta.Auto.withDefaultAllowance(); // DetectionOptions sets the allowance given
        }
        try {
            long ticks = Long.parseLong(text);
            if (ticks >= 0) {
                return new MaxDelta.Ticks(ticks);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new TypeConversionException("'" + text + "' is neither 'auto' nor a number of ticks (0 or more)");
    }
}
