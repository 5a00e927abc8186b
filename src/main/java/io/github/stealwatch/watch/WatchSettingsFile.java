package io.github.stealwatch.watch;

import io.github.stealwatch.disk.AtomicFile;
import io.github.stealwatch.disk.BoundedText;
import io.github.stealwatch.disk.PathWriter;
import io.github.stealwatch.log.LogLevel;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

/**
 * The watch's settings as a file, so a long-running watch can start without the command line's
 * parser: the unit's {@code ExecStartPre=} runs {@code stealwatch watch ... --write-settings FILE},
 * which parses and checks the options and the configuration file as a watch typed by hand does,
 * and {@code ExecStart=} runs {@code stealwatch watch --settings FILE}, which reads only this.
 * The values are the resolved settings (nanoseconds, paths, the flush's command line), never an
 * option's text, so the command line stays the one place that knows option names, defaults and
 * checks. A properties file, versioned by its first key; no password is ever in it.
 */
public final class WatchSettingsFile {

    /** The version of this format: a file of another is refused, and ExecStartPre writes it afresh. */
    static final String VERSION = "1";

    /** Far above the dozen lines it holds. */
    private static final int MAX_BYTES = 64 * 1024;

    private WatchSettingsFile() {
    }

    public static void write(Path file, WatchSettings settings) throws IOException {
        Properties properties = new InOrder();
        properties.setProperty("version", VERSION);
        properties.setProperty("proc-root", settings.procRoot().toString());
        properties.setProperty("sys-root", settings.sysRoot().toString());
        properties.setProperty("interval-nanos", Long.toString(settings.intervalNanos()));
        DetectionSettings detection = settings.detection();
        properties.setProperty("max-delta-ticks", detection.fixedMaxDelta().isPresent()
                ? Long.toString(detection.fixedMaxDelta().getAsLong()) : "auto");
        properties.setProperty("lump-allowance-nanos", Long.toString(detection.lumpAllowanceNanos()));
        properties.setProperty("samples", Integer.toString(detection.samples()));
        properties.setProperty("cpus", Integer.toString(detection.cpusWhenUnlisted()));
        properties.setProperty("cooldown-nanos", Long.toString(detection.cooldownNanos()));
        properties.setProperty("spool-dir", settings.spoolDirectory().toString());
        properties.setProperty("spool-max", Integer.toString(settings.spoolMax()));
        if (settings.textfileDirectory() != null) {
            properties.setProperty("textfile-dir", settings.textfileDirectory().toString());
        }
        properties.setProperty("textfile-interval-nanos", Long.toString(settings.textfileIntervalNanos()));
        properties.setProperty("once", Boolean.toString(settings.once()));
        WatchSettings.Mail mail = settings.mail();
        properties.setProperty("mail-printed", Boolean.toString(mail.printed()));
        properties.setProperty("mail-from", mail.from());
        properties.setProperty("mail-to", mail.to());
        properties.setProperty("mail-destination", mail.destination());
        for (int i = 0; i < mail.flushCommand().size(); i++) {
            properties.setProperty("flush-command." + i, mail.flushCommand().get(i));
        }
        properties.setProperty("log-level", settings.logLevel().name());
        StringWriter text = new StringWriter();
        properties.store(text, "stealwatch watch's settings, written by 'stealwatch watch --write-settings' "
                + "for 'stealwatch watch --settings': edit the options or the configuration file, not this");
        try {
            AtomicFile.write(file, text.toString());
        } catch (IOException e) {
            throw PathWriter.named(file, e); // the file asked for, not the temporary one beside it
        }
    }

    /** @throws IllegalArgumentException naming the file and what is wrong in it */
    public static WatchSettings read(Path file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(BoundedText.read(file, MAX_BYTES, "a watch settings file")));
        try {
            return settings(new Values(properties));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static WatchSettings settings(Values values) {
        if (!VERSION.equals(values.text("version"))) {
            throw new IllegalArgumentException("version " + values.text("version") + ", not " + VERSION
                    + ": write it again with this stealwatch's --write-settings");
        }
        String maxDelta = values.text("max-delta-ticks");
        DetectionSettings detection = new DetectionSettings(
                maxDelta.equals("auto") ? OptionalLong.empty() : OptionalLong.of(values.number(maxDelta, "max-delta-ticks")),
                values.number("lump-allowance-nanos"), values.count("samples"), values.count("cpus"),
                values.number("cooldown-nanos"));
        List<String> flush = new ArrayList<>();
        for (int i = 0; values.properties.containsKey("flush-command." + i); i++) {
            flush.add(values.text("flush-command." + i));
        }
        boolean printed = values.bool("mail-printed");
        if (!printed && flush.isEmpty()) {
            throw new IllegalArgumentException("reports are mailed, but no flush-command is given");
        }
        String textfile = values.properties.getProperty("textfile-dir");
        return new WatchSettings(Path.of(values.text("proc-root")), Path.of(values.text("sys-root")),
                positive(values, "interval-nanos"), detection, Path.of(values.text("spool-dir")),
                values.count("spool-max"), textfile == null ? null : Path.of(textfile),
                positive(values, "textfile-interval-nanos"), values.bool("once"),
                new WatchSettings.Mail(printed, values.text("mail-from"), values.text("mail-to"),
                        values.text("mail-destination"), flush),
                LogLevel.valueOf(values.text("log-level")));
    }

    private static long positive(Values values, String key) {
        long value = values.number(key);
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be positive, not " + value);
        }
        return value;
    }

    /** Properties stored in the order they were set, so the file reads as the settings are listed here. */
    private static final class InOrder extends Properties {

        private final Map<Object, Object> inOrder = new LinkedHashMap<>();

        @Override
        public synchronized Object put(Object key, Object value) {
            inOrder.put(key, value);
            return super.put(key, value);
        }

        @Override
        public Set<Map.Entry<Object, Object>> entrySet() {
            return Collections.unmodifiableMap(inOrder).entrySet(); // what store() writes, since Java 9
        }
    }

    /** The file's values, each required, with its key named when it is missing or wrong. */
    private record Values(Properties properties) {

        String text(String key) {
            String value = properties.getProperty(key);
            if (value == null) {
                throw new IllegalArgumentException("no " + key);
            }
            return value;
        }

        long number(String key) {
            return number(text(key), key);
        }

        long number(String value, String key) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " is not a number: " + value);
            }
        }

        /** A count: from 1 to the largest int; a long cut down to an int would pass any check. */
        int count(String key) {
            long value = number(key);
            if (value < 1 || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(key + " must be from 1 to " + Integer.MAX_VALUE + ", not " + value);
            }
            return (int) value;
        }

        boolean bool(String key) {
            String value = text(key);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException(key + " is neither true nor false: " + value);
            }
            return Boolean.parseBoolean(value);
        }
    }
}
