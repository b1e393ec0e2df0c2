package com.marketbridge.bootstrap;

import com.marketbridge.adapter.http.HttpSettings;
import com.marketbridge.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar marketbridge.jar --sandbox}: the connector, wired as always, against the sandbox's simulated
 * AppDirect and Webex. No setting of the partner's is read: the sandbox makes them up, the environment gives only
 * {@code PORT} and {@code DATA_DIR}, and a {@code .env} is ignored. Without DATA_DIR the journal lives in a temporary
 * folder, deleted at stop. The connector listens on 127.0.0.1 alone, as the simulators do: the sandbox prints its
 * credentials.
 */
final class SandboxRun implements AutoCloseable {

    static final String ARGUMENT = "--sandbox";
    private static final String DEFAULT_PORT = String.valueOf(HttpSettings.DEFAULT_PORT);

    private final Sandbox sandbox;
    private final Connector connector;
    private final Path temporaryDataDir;

    private SandboxRun(Sandbox sandbox, Connector connector, Path temporaryDataDir) {
        this.sandbox = sandbox;
        this.connector = connector;
        this.temporaryDataDir = temporaryDataDir;
    }

    /**
     * Starts the simulators, then the connector pointed at them. Throws {@link InvalidSettingsException} for a
     * malformed PORT or DATA_DIR, and {@link IllegalStateException} when the connector cannot start (the port is
     * taken, DATA_DIR cannot be used).
     */
    static SandboxRun start(Map<String, String> environment, Path dotEnvFile, PrintStream out) {
        out.println("MarketBridge sandbox: no settings needed, "
                + (Files.exists(dotEnvFile) ? "the " + dotEnvFile + " in this folder is ignored" : "no .env read")
                + "; only PORT (default " + DEFAULT_PORT + ") and DATA_DIR are taken from the environment");
        Sandbox sandbox = Sandbox.start();
        Path temporaryDataDir = null;
        try {
            Map<String, String> raw = new HashMap<>(sandbox.connectorSettings());
            raw.put("PORT", environment.getOrDefault("PORT", DEFAULT_PORT));
            String dataDir = environment.get("DATA_DIR");
            if (dataDir == null || dataDir.isBlank()) {
                temporaryDataDir = Files.createTempDirectory("marketbridge-sandbox");
                dataDir = temporaryDataDir.toString();
            }
            raw.put("DATA_DIR", dataDir);
            Settings settings = Settings.read(raw).onLoopback();
            out.println(sandbox.describe() + "; the journal in " + dataDir
                    + (temporaryDataDir == null ? "" : " (deleted at stop)"));
            return new SandboxRun(sandbox, startConnector(settings, raw.get("PORT")), temporaryDataDir);
        } catch (IOException e) {
            sandbox.close();
            throw new IllegalStateException("cannot make a temporary folder for the sandbox's journal: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            sandbox.close();
            deleteIfAny(temporaryDataDir);
            throw e;
        }
    }

    /** The connector on {@code port}; a port another program holds is said as such, not as Jetty's stack trace. */
    private static Connector startConnector(Settings settings, String port) {
        try {
            return Connector.start(settings);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new IllegalStateException("port " + port + " is taken (" + cause.getMessage() + "): stop what"
                            + " listens there, or start the sandbox on another port, e.g. PORT=5003 java -jar"
                            + " bootstrap/target/marketbridge.jar " + ARGUMENT, e);
                }
            }
            throw e;
        }
    }

    Connector connector() {
        return connector;
    }

    /** Plays the sandbox's story against the connector and prints how to go on; true when it ended as planned. */
    boolean play(PrintStream out) throws InterruptedException {
        return sandbox.play(connector.port(), out);
    }

    /** Stops the connector (finishing what is in flight), then the simulators; deletes a temporary journal. */
    @Override
    public void close() {
        connector.close();
        sandbox.close();
        deleteIfAny(temporaryDataDir);
    }

    private static void deleteIfAny(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the sandbox's journal in " + folder, e);
        }
    }
}
