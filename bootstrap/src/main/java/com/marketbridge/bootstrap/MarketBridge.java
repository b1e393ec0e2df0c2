package com.marketbridge.bootstrap;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the connector: {@code java -jar marketbridge.jar}, settings from the environment and {@code ./.env}. */
public final class MarketBridge {

    /** The exit status of a start refused for its settings, distinct from a crash (1). */
    static final int INVALID_SETTINGS = 2;

    private static final Logger LOG = LoggerFactory.getLogger(MarketBridge.class);

    private MarketBridge() {
    }

    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.load(System.getenv(), Path.of(".env"));
        } catch (InvalidSettingsException e) {
            System.err.println(e.getMessage());
            System.exit(INVALID_SETTINGS);
            return;
        }
        LOG.info("starting with {}", settings);
        Connector connector;
        try {
            connector = Connector.start(settings);
        } catch (IllegalStateException e) {
            // a DATA_DIR that cannot be used or that another connector holds, a PostgreSQL database that cannot be used;
            // the settings themselves were checked above
            System.err.println("MarketBridge cannot start: " + e.getMessage());
            System.exit(INVALID_SETTINGS);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: finishing the notifications in flight");
            connector.close();
        }, "marketbridge-shutdown"));
        LOG.info("MarketBridge is ready on port {} ({} ms after the JVM started)", connector.port(),
                ManagementFactory.getRuntimeMXBean().getUptime());
        connector.prepareUpstreams();
    }
}
