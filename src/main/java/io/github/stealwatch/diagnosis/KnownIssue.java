package io.github.stealwatch.diagnosis;

import java.util.List;
import java.util.function.Predicate;

/**
 * A public, sourced bug that breaks /proc/stat's steal counter, with the evidence a report must
 * show before it names it.
 *
 * @param id        a stable name, for JSON and for scripts
 * @param title     what goes wrong, in a line
 * @param needs     the evidence it needs, in words
 * @param mechanism why it happens, naming the fix where there is one
 * @param remedy    what works against it, and what it costs
 * @param sources   commits, bug trackers and write-ups where it is described
 * @param matches   whether the evidence is there
 */
public record KnownIssue(String id, String title, String needs, String mechanism, String remedy, List<String> sources,
                  Predicate<Evidence> matches) {
}
