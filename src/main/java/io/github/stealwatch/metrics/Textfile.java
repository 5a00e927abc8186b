package io.github.stealwatch.metrics;

import io.github.stealwatch.disk.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A command's metrics file in node_exporter's textfile directory. Each write replaces it whole
 * through a dot-named temporary file in the same directory (node_exporter skips names not ending in
 * ".prom"), mode 0644 because node_exporter reads it as another user, so a scrape never sees half
 * a file (node_exporter's README, "Textfile Collector").
 */
public final class Textfile {

    private final Path file;

    public Textfile(Path directory, MetricsCommand command) {
        this.file = directory.resolve(command.fileName());
    }

    public Path file() {
        return file;
    }

    public void write(String text) throws IOException {
        AtomicFile.publish(file, text);
    }
}
