package com.marketbridge.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL database that several connectors share, through a pool of connections. Each commit is durable when
 * it returns (PostgreSQL writes its log out before it answers a commit), so {@link #makeDurable()} has nothing left
 * to do. A connection that cannot be had or breaks marks the database down at once, as the embedded one does after
 * a failed write: work is refused, naming the problem, until {@link Recovery} sees it take a write again.
 */
final class PostgresDatabase implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresDatabase.class);

    /** How long a caller waits for a connection before the database counts as down: well within AppDirect's 5 s. */
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    /** How often an idle connector looks at the database, so that /ready turns 503 without waiting for an event. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private final HikariDataSource pool;
    private final String where;
    private final Availability availability;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "marketbridge-db-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    private PostgresDatabase(HikariDataSource pool, String where) {
        this.pool = pool;
        this.where = where;
        this.availability = new Availability("in PostgreSQL at " + where, e -> "PostgreSQL: " + rootMessage(e), this::reopen);
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        if (!availability.isOpen()) {
            return; // Recovery is at work, or nothing is left to watch
        }
        try {
            use("reach the database", connection -> {
                if (!connection.isValid((int) CONNECTION_TIMEOUT.toSeconds())) {
                    throw new SQLException("the connection is no longer valid", "08006");
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("The heartbeat found the database down", e); // and use() marked it down, logging why
        }
    }

    /**
     * Connects, brings the schema up to date and sees the database take a write. Fails with
     * {@link IllegalStateException} naming DATABASE_URL (without credentials) and the problem.
     */
    static PostgresDatabase open(PostgresSettings settings) {
        String where = PostgresSettings.withoutQuery(settings.url());
        HikariConfig config = new HikariConfig();
        config.setPoolName("marketbridge-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password().value());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        // the pool is made without a connection, so a database that is not there is reported below, in one message
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("ApplicationName", "marketbridge");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            // connectors starting together each run the migrations: Flyway's lock in the database lets one at a time
            MigrateResult migration = Flyway.configure().dataSource(pool).locations("classpath:db/postgresql")
                    .load().migrate();
            LOG.info("Opened the event journal in PostgreSQL at {}, schema version {} ({} migration(s) applied)", where,
                    migration.targetSchemaVersion == null ? migration.initialSchemaVersion : migration.targetSchemaVersion,
                    migration.migrationsExecuted);
            try (Connection connection = pool.getConnection()) {
                verify(connection);
            }
            return new PostgresDatabase(pool, where);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new IllegalStateException("cannot open the journal in PostgreSQL at DATABASE_URL " + where + ": "
                    + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void verify(Connection connection) throws SQLException {
        try (Statement check = connection.createStatement()) {
            check.executeQuery("SELECT COUNT(*) FROM events").close();
            check.executeUpdate("INSERT INTO storage_check (id, checked_at) VALUES (1, CURRENT_TIMESTAMP)"
                    + " ON CONFLICT (id) DO UPDATE SET checked_at = EXCLUDED.checked_at");
        }
    }

    @Override
    public <T> T use(String what, Work<T> work) {
        availability.refuseUnlessOpen(what);
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlProblems.isRefusedStatement(e) ? availability.refused(what, e) : availability.failed(what, e);
        }
    }

    @Override
    public <T> T write(String what, Work<T> work) {
        return use(what, work);
    }

    /** Every commit was durable when it returned. */
    @Override
    public void makeDurable() {
        availability.refuseUnlessOpen("make its writes durable");
    }

    /** PostgreSQL wrote each commit's log out before it answered it: nothing is left to write out. */
    @Override
    public void onWriteOut(Consumer<Duration> timer) {
    }

    @Override
    public boolean isOpen() {
        return availability.isOpen();
    }

    @Override
    public void onRecovery(Runnable resume) {
        availability.onRecovery(resume);
    }

    /** One try at bringing the database back: a connection that takes a write. */
    boolean reopen() {
        if (availability.isClosed()) {
            return false;
        }
        try (Connection connection = pool.getConnection()) {
            verify(connection);
            availability.back();
            return true;
        } catch (SQLException | RuntimeException e) {
            availability.stillDown(e);
            return false;
        }
    }

    /** PostgreSQL's INSERT ... ON CONFLICT: H2's MERGE ... KEY is not PostgreSQL's. */
    @Override
    public String upsert(String table, String key, String... columns) {
        String updates = Arrays.stream(columns).filter(column -> !column.equals(key))
                .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ") ON CONFLICT (" + key
                + ") DO UPDATE SET " + updates;
    }

    @Override
    public void close() {
        if (availability.isClosed()) {
            return;
        }
        availability.close();
        heartbeat.shutdownNow();
        pool.close();
        LOG.info("Closed the event journal in PostgreSQL at {}", where);
    }
}
