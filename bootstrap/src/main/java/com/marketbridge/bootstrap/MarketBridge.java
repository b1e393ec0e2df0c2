package com.marketbridge.bootstrap;

import java.lang.management.ManagementFactory;
import com.marketbridge.adapter.jdbc.JournalCopy;
import com.marketbridge.adapter.jdbc.PostgresSettings;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the connector: {@code java -jar marketbridge.jar}, settings from the environment and {@code ./.env}. */
public final class MarketBridge {

    /** The exit status of a start refused for its settings, distinct from a crash (1). */
    static final int INVALID_SETTINGS = 2;
    static final String COPY_JOURNAL = "copy-journal";

    private static final Logger LOG = LoggerFactory.getLogger(MarketBridge.class);

    private MarketBridge() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(args.length == 1 && args[0].equals(COPY_JOURNAL) ? copyJournal() : usage());
            return;
        }
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

    private static int usage() {
        System.err.println("Usage: java -jar marketbridge.jar            runs the connector (settings: environment, .env)\n"
                + "       java -jar marketbridge.jar " + COPY_JOURNAL + "  copies the journal in DATA_DIR into the empty "
                + "PostgreSQL database of DATABASE_URL; stop the connector first");
        return INVALID_SETTINGS;
    }

    /** Moves an embedded journal to PostgreSQL (README, PostgreSQL); the connector must not run meanwhile. */
    private static int copyJournal() {
        Settings.JournalCopySettings settings;
        try {
            settings = Settings.journalCopy(System.getenv(), Path.of(".env"));
        } catch (InvalidSettingsException e) {
            System.err.println(e.getMessage());
            return INVALID_SETTINGS;
        }
        try {
            Map<String, Long> copied = JournalCopy.copy(settings.from(), settings.to());
            System.out.println("Copied the journal in " + settings.from().folder() + " into PostgreSQL at "
                    + PostgresSettings.withoutQuery(settings.to().url()) + ": " + copied);
            return 0;
        } catch (IllegalStateException e) {
            System.err.println("MarketBridge cannot copy the journal: " + e.getMessage());
            return INVALID_SETTINGS;
        }
    }
}
