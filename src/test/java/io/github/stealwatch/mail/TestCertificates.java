package io.github.stealwatch.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private CA and a server certificate it signed, made by the JDK's keytool as an administrator
 * would make them: the CA's certificate as PEM (what {@code --smtp-ca-file} takes) and the server's
 * key with its chain in a PKCS#12 keystore (what the relay serves).
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private final Path caPem;
    private final Path serverKeystore;

    private TestCertificates(Path caPem, Path serverKeystore) {
        this.caPem = caPem;
        this.serverKeystore = serverKeystore;
    }

    /** A CA named {@code caName} and a server certificate for {@code serverName} ("ip:127.0.0.1"). */
    public static TestCertificates make(Path directory, String caName, String serverName) throws Exception {
        return make(directory, caName, serverName, "-validity", "2");
    }

    /** The same, with the server certificate's dates: "-startdate", "-3d", "-validity", "1" for an expired one. */
    public static TestCertificates make(Path directory, String caName, String serverName, String... dates)
            throws Exception {
        Files.createDirectories(directory);
        Path ca = directory.resolve("ca.p12");
        Path server = directory.resolve("server.p12");
        Path request = directory.resolve("server.csr");
        Path signed = directory.resolve("server.pem");
        Path caPem = directory.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + caName,
                "-ext", "bc:c", "-validity", "2", "-keystore", ca.toString());
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=relay", "-validity", "2", "-keystore", server.toString());
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-file", request.toString());
        List<String> gencert = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(),
                "-infile", request.toString(), "-outfile", signed.toString(), "-ext", "san=" + serverName));
        gencert.addAll(List.of(dates));
        keytool(gencert.toArray(String[]::new));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString());
        keytool("-importcert", "-alias", "server", "-file", signed.toString(), "-keystore", server.toString());
        return new TestCertificates(caPem, server);
    }

    public Path caPem() {
        return caPem;
    }

    public Path serverKeystore() {
        return serverKeystore;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + command + "\n" + output);
        }
    }
}
