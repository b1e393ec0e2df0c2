package com.marketbridge.bootstrap;

import java.lang.management.ManagementFactory;
import com.marketbridge.adapter.jdbc.JournalCopy;
import com.marketbridge.adapter.jdbc.PostgresSettings;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the connector: {@code java -jar marketbridge.jar}, settings from the environment and {@code ./.env}; or its sandbox. */
public final class MarketBridge {

    /** The exit status of a start refused for its settings, distinct from a crash (1). */
    static final int INVALID_SETTINGS = 2;
    static final String COPY_JOURNAL = "copy-journal";

    private static final Logger LOG = LoggerFactory.getLogger(MarketBridge.class);

    private MarketBridge() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(SandboxRun.ARGUMENT)) {
            sandbox();
            return;
        }
        if (args.length > 0) {
            System.exit(args.length == 1 && args[0].equals(COPY_JOURNAL) ? copyJournal() : usage());
            return;
        }
        Settings settings;
        try {
            settings = Settings.load(System.getenv(), Path.of(".env"));
        } catch (InvalidSettingsException e) {
            refuseToStart(e.getMessage());
            return;
        }
        LOG.info("starting with {}", settings);
        Connector connector;
        try {
            connector = Connector.start(settings);
        } catch (IllegalStateException e) {
            // a DATA_DIR that cannot be used or that another connector holds, a PostgreSQL database that cannot be used;
            // the settings themselves were checked above
            refuseToStart("MarketBridge cannot start: " + e.getMessage());
            return;
        }
        whenStopped(connector::close);
        ready(connector);
    }

    /** {@code --sandbox}: the connector against simulated upstreams, then the sandbox's story (README, Try it in a minute). */
    private static void sandbox() {
        SandboxRun sandbox;
        try {
            sandbox = SandboxRun.start(System.getenv(), Path.of(".env"), System.out);
        } catch (InvalidSettingsException e) {
            refuseToStart(e.getMessage());
            return;
        } catch (IllegalStateException e) {
            refuseToStart("MarketBridge cannot start: " + e.getMessage());
            return;
        }
        whenStopped(sandbox::close);
        ready(sandbox.connector());
        try {
            sandbox.play(System.out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void refuseToStart(String message) {
        System.err.println(message);
        System.exit(INVALID_SETTINGS);
    }

    /** Ctrl-C or SIGTERM stops the connector cleanly: {@code close} finishes the notifications in flight. */
    private static void whenStopped(Runnable close) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: finishing the notifications in flight");
            close.run();
        }, "marketbridge-shutdown"));
    }

    private static void ready(Connector connector) {
        LOG.info("MarketBridge is ready on port {} ({} ms after the JVM started)", connector.port(),
                ManagementFactory.getRuntimeMXBean().getUptime());
        connector.prepareUpstreams();
        connector.prepareMetrics();
    }

    private static int usage() {
        System.err.println("Usage: java -jar marketbridge.jar            runs the connector (settings: environment, .env)\n"
                + "       java -jar marketbridge.jar " + SandboxRun.ARGUMENT + "     runs it against simulated AppDirect and Webex,"
                + " no settings needed, and plays a story of five events\n"
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
