package io.github.stealwatch.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The subcommands, and which of them a command line needs. picocli builds each command's model by
 * reflection over its options and mixins, and that model lives as long as the command runs: the
 * watch, which runs for months, keeps only its own (0.6 MiB less resident memory than all six,
 * src/bench/README.md, "Memory"). Help, a command line naming no subcommand and a typo get all
 * six, so that they are listed and a near miss is suggested.
 */
final class Subcommands {

    /** In the order {@code --help} lists them. */
    static final List<String> NAMES = List.of("watch", "check", "audit", "flush", "replay", "record");

    private Subcommands() {
    }

    /** Adds to {@code root} the subcommand {@code args} runs, or all of them when they name none. */
    static void addFor(CommandLine root, String... args) {
        String name = named(args);
        if (name != null && NAMES.contains(name)) {
            root.addSubcommand(create(name));
        } else {
            addAll(root);
        }
    }

    static void addAll(CommandLine root) {
        for (String name : NAMES) {
            root.addSubcommand(create(name));
        }
    }

    /** Whether {@code root} has every subcommand, or only the one it runs. */
    static boolean hasAll(CommandLine root) {
        return root.getSubcommands().size() == NAMES.size();
    }

    /** A switch, not a map of constructor references: each of those would load a class of its own. */
    static Object create(String name) {
        return switch (name) {
            case "watch" -> new WatchCommand();
            case "check" -> new CheckCommand();
            case "audit" -> new AuditCommand();
            case "flush" -> new FlushCommand();
            case "replay" -> new ReplayCommand();
            case "record" -> new RecordCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /**
     * The first argument that is neither an option of the root command nor the value of
     * {@code --config}; null when there is none.
     */
    static String named(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(ConfigFile.OPTION)) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return null;
    }
}
