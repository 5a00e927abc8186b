package io.github.stealwatch.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into {@code stealwatch-version.properties} at build time: for --version and the metrics. */
public final class BuildVersion {

    private BuildVersion() {
    }

    /** The bare version, "unknown" outside a build. */
    public static String number() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("/stealwatch-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return properties.getProperty("version", "unknown");
    }
}
