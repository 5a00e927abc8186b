package io.github.stealwatch.cli;

import io.github.stealwatch.metrics.BuildVersion;
import java.io.IOException;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code stealwatch-version.properties} at build time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        return new String[] {"stealwatch " + BuildVersion.number()};
    }
}
