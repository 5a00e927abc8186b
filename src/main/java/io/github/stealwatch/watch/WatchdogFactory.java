package io.github.stealwatch.watch;

import io.github.stealwatch.trace.RecordingSink;

/** Makes a watchdog with the user's detection settings, for a command that needs one of its own. */
public interface WatchdogFactory {

    Watchdog create(RecordingSink sink, AnomalyListener listener);
}
