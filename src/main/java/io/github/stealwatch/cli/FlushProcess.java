package io.github.stealwatch.cli;

import io.github.stealwatch.log.LogLevel;
import io.github.stealwatch.spool.Spool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the {@code stealwatch flush} the watch hands its reports to: the same java
 * and jar, the watch's spool and SMTP options, its configuration file (for a password written
 * there) and its log level.
 */
final class FlushProcess {

    static final String MAIN_CLASS = "io.github.stealwatch.Main";

    /**
     * The audit unit's options, made for a quick start; JVM warnings go to standard error, which
     * the flush shares with the watch, never to standard output, which the watch reads.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData", "-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr");

    private FlushProcess() {
    }

    static List<String> command(Spool spool, SmtpOptions smtp, ConfigFile config, LogLevel logLevel) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        if (logLevel == LogLevel.DEBUG) {
            command.add(RootCommand.VERBOSE);
        } else if (logLevel == LogLevel.WARN) {
            command.add(RootCommand.QUIET);
        }
        if (config.path() != null) {
            command.addAll(List.of(ConfigFile.OPTION, config.path().toString()));
        }
        command.addAll(List.of("flush", "--spool-dir", spool.directory().toString(),
                "--spool-max", Integer.toString(spool.maxReports())));
        command.addAll(smtp.arguments());
        return command;
    }
}
