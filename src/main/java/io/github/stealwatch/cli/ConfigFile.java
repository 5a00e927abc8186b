package io.github.stealwatch.cli;

import io.github.stealwatch.disk.BoundedText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration file: a properties file whose values are the options' defaults, so the
 * command line wins over it. A key is an option's long name without its dashes
 * ({@code mail-to=ops@example.org}), or that prefixed by a subcommand to apply to it alone
 * ({@code check.duration=10s}). It is also the one place besides a password file where the SMTP
 * password may be written ({@code smtp-password}), never the command line, which {@code ps} shows.
 */
final class ConfigFile implements IDefaultValueProvider {

    static final String OPTION = "--config";
    static final String DEFAULT_PATH = "/etc/stealwatch/stealwatch.properties";
    static final String PASSWORD_KEY = "smtp-password";

    static final ConfigFile NONE = new ConfigFile(null, new Properties());

    /** Every option with a comment is some 5 KiB; a file far beyond it is not a configuration. */
    static final int MAX_BYTES = 64 * 1024;

    /** Options that make no sense as a default. */
    static final Set<String> NOT_CONFIGURABLE = Set.of("help", "version", "config", "settings",
            "write-settings");

    /** The configuration file is missing, unreadable, or says something we do not understand. */
    static final class BadConfigException extends Exception {
        BadConfigException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final Properties properties;

    private ConfigFile(Path file, Properties properties) {
        this.file = file;
        this.properties = properties;
    }

    /** The file {@code --config} names in {@code args}, else the default one if it exists, else none. */
    static ConfigFile forArguments(String... args) throws BadConfigException {
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            if (args[i].equals(OPTION)) {
                if (i + 1 == args.length) {
                    throw new BadConfigException(OPTION + " needs a FILE");
                }
                return load(Path.of(args[i + 1]));
            }
            if (args[i].startsWith(OPTION + "=")) {
                return load(Path.of(args[i].substring(OPTION.length() + 1)));
            }
        }
        Path fallback = Path.of(DEFAULT_PATH);
        return Files.exists(fallback) ? load(fallback) : NONE;
    }

    static ConfigFile load(Path file) throws BadConfigException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(BoundedText.read(file, MAX_BYTES, "a stealwatch configuration file")));
        } catch (NoSuchFileException e) {
            throw new BadConfigException("no such configuration file: " + file);
        } catch (AccessDeniedException e) {
            throw new BadConfigException("cannot read the configuration file " + file + ": permission denied");
        } catch (IOException e) {
            throw new BadConfigException(e.getMessage()); // it names the file, and the line where it can
        } catch (IllegalArgumentException e) {
            throw new BadConfigException("cannot read the configuration file " + file + ": " + e.getMessage());
        }
        ConfigFile config = new ConfigFile(file, properties);
        if (config.password() != null) {
            try {
                SecretFiles.requireOwnerOnly(file);
            } catch (IllegalArgumentException e) {
                throw new BadConfigException(e.getMessage());
            }
        }
        return config;
    }

    /** The file read, or null for none. */
    Path path() {
        return file;
    }

    /** The SMTP password the file holds, or null. */
    String password() {
        String password = properties.getProperty(PASSWORD_KEY);
        return password == null || password.isEmpty() ? null : password;
    }

    /** The keys the file sets. */
    Set<String> keys() {
        return properties.stringPropertyNames();
    }

    /** Refuses a key that names no option: a typo would otherwise be silently ignored. */
    void checkKeys(CommandSpec root) throws BadConfigException {
        Set<String> known = new HashSet<>();
        known.add(PASSWORD_KEY);
        addKeys(root, known, "");
        for (CommandSpec subcommand : subcommands(root)) {
            addKeys(subcommand, known, "");
            addKeys(subcommand, known, subcommand.name() + ".");
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new BadConfigException("unknown key(s) in " + file + ": " + String.join(", ", unknown)
                    + " (keys are option names without dashes, e.g. mail-to)");
        }
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || properties.isEmpty()) {
            return null;
        }
        String key = key(option);
        CommandSpec command = option.command();
        String own = command == null ? null : properties.getProperty(command.name() + "." + key);
        String value = own != null ? own : properties.getProperty(key);
        return value == null ? null : value.strip();
    }

    private static void addKeys(CommandSpec command, Set<String> keys, String prefix) {
        for (OptionSpec option : command.options()) {
            String key = key(option);
            if (!NOT_CONFIGURABLE.contains(key)) {
                keys.add(prefix + key);
            }
        }
    }

    private static Iterable<CommandSpec> subcommands(CommandSpec root) {
        return root.subcommands().values().stream().map(line -> line.getCommandSpec()).toList();
    }

    private static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }
}
