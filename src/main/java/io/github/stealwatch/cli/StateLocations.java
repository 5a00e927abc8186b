package io.github.stealwatch.cli;

import java.nio.file.Path;

/**
 * Where state and spool live by default: under {@code $STATE_DIRECTORY} when systemd's
 * StateDirectory= sets it (the only place a DynamicUser service may write), else the FHS places.
 */
final class StateLocations {

    static final String SPOOL_DIR = "/var/spool/stealwatch";
    static final String STATE_FILE = "/var/lib/stealwatch/audit.state";
    private static final String STATE_FILE_NAME = "audit.state";
    private static final String SPOOL_DIR_NAME = "spool";

    private StateLocations() {
    }

    static Path spoolDirectory() {
        Path state = systemdStateDirectory();
        return state != null ? state.resolve(SPOOL_DIR_NAME) : Path.of(SPOOL_DIR);
    }

    static Path stateFile() {
        Path state = systemdStateDirectory();
        return state != null ? state.resolve(STATE_FILE_NAME) : Path.of(STATE_FILE);
    }

    /** The first of the directories systemd lists (it separates several with colons), or null. */
    private static Path systemdStateDirectory() {
        String value = System.getenv("STATE_DIRECTORY");
        if (value == null || value.isBlank()) {
            return null;
        }
        return Path.of(value.split(":")[0]);
    }
}
