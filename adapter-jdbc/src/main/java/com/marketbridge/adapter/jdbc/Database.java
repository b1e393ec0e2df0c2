package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.JournalUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The database the journal and the stores beside it share: an embedded H2 file owned by one connector, or a
 * PostgreSQL server shared by several. It hands out a connection for one piece of work, says when writes are
 * durable, and refuses work while it is down, naming why, until it takes writes again.
 */
interface Database extends AutoCloseable {

    /** Work on a connection that nobody else uses meanwhile, in auto-commit mode unless the work says otherwise. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The work in one transaction: committed if it returns, rolled back if it throws. */
    static <T> Work<T> transaction(Work<T> work) {
        return connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        };
    }

    /**
     * Runs the work; refused while the database is down.
     *
     * @throws JournalUnavailableException the database is down, or it failed the work
     * @throws IllegalStateException       the database is closed, or it refused the statement itself
     */
    <T> T use(String what, Work<T> work);

    /** Runs work that changes the database: {@link #makeDurable()} covers it once it returned. */
    <T> T write(String what, Work<T> work);

    /**
     * Returns once every write made before the call survives the process being killed.
     *
     * @throws JournalUnavailableException the database could not make them durable
     */
    void makeDurable();

    /**
     * What hears how long each write-out of the commits to the device took: the embedded database's, which
     * {@link #makeDurable()} starts. A database whose commits are durable when they return has none.
     */
    void onWriteOut(Consumer<Duration> timer);

    /** Whether the database takes writes: open, and not down after a failure. */
    boolean isOpen();

    /** What to run each time the database takes writes again after a failure, on the recovery's thread. */
    void onRecovery(Runnable resume);

    /**
     * The statement that inserts a row of {@code columns} (the key among them, first) or, if a row with the same
     * key exists, replaces its other columns: each database has its own words for it.
     */
    String upsert(String table, String key, String... columns);

    @Override
    void close();
}
