package com.marketbridge.adapter.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database file under DATA_DIR that the journal and the stores beside it share, owned by one connector
 * at a time: its migrations, its one connection, and when its writes are durable. A failed write marks it down at
 * once: it refuses work, naming the problem, until {@link Recovery} has reopened it and seen it take a write again.
 */
final class EmbeddedDatabase implements Database {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String DATABASE_NAME = "marketbridge";
    static final String LOCK_FILE = "marketbridge.owner.lock";

    private final Path dataDir;
    private final JdbcDataSource dataSource;
    private final FileChannel ownerChannel;
    /** Replaced when the database recovers; guarded by {@link #lock}, as everything it is used for. */
    private Connection connection;
    /*
     * One connection, one caller at a time. Each call is one short statement on an embedded database, and the
     * slow part, writing commits out, is shared by makeDurable's callers; a pool would add lock timeouts and
     * concurrent-update retries to reason about.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final GroupCommit groupCommit = new GroupCommit(this::writeOut);
    private final Availability availability;
    private long writes;
    private volatile Consumer<Duration> writeOutTimer = took -> { };

    private EmbeddedDatabase(Path dataDir, JdbcDataSource dataSource, FileChannel ownerChannel, Connection connection) {
        this.dataDir = dataDir;
        this.dataSource = dataSource;
        this.ownerChannel = ownerChannel;
        this.connection = connection;
        this.availability = new Availability("in DATA_DIR " + dataDir, StorageProblem::of, this::reopen);
    }

    /**
     * Opens the database in the storage's folder (created if missing), brings its schema up to date and sees it take
     * a write. Fails with {@link IllegalStateException} naming DATA_DIR or the file, and the problem: another
     * connector, in this process or another, has the folder open; the folder or the file cannot be written; the disk
     * is full; the file is not a journal (see {@link JournalFile}).
     */
    static EmbeddedDatabase open(JournalStorage storage) {
        Path folder = storage.folder();
        FileChannel owner;
        try {
            OwnerOnly.createFolder(folder);
            owner = claim(folder);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot write in DATA_DIR " + folder + ": " + StorageProblem.at(e), e);
        }
        JournalFile file = new JournalFile(folder, DATABASE_NAME);
        try {
            file.check();
            JdbcDataSource dataSource = new JdbcDataSource();
            // H2 writes commits out within its WRITE_DELAY (500 ms); makeDurable writes them out when an answer
            // depends on them. Writing out every commit instead (WRITE_DELAY=0) halved the connector's throughput.
            // QUERY_CACHE_SIZE: the journal and the subscriptions run more distinct statements than H2's default 8
            // cached ones, and parsing them again on every call was measurable.
            // CACHE_SIZE (KB): H2's page cache lives in the connector's heap; 4 MB instead of H2's 16 lets the shipped
            // 48 MB heap do (18-23 MB live after a full collection; README, Performance).
            // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database while the connector's stop still
            // finishes the notifications in flight, which then fail; the connector closes the journal itself, last.
            dataSource.setURL(storage.url(DATABASE_NAME) + ";AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=32;CACHE_SIZE=4096;DB_CLOSE_ON_EXIT=FALSE");
            dataSource.setUser("sa");
            Connection connection = dataSource.getConnection();
            try {
                file.checkWritable(connection);
                MigrateResult migration = Flyway.configure().dataSource(dataSource).locations("classpath:db/h2")
                        .load().migrate();
                LOG.info("Opened the event journal in {} at schema version {} ({} migration(s) applied)", folder,
                        migration.targetSchemaVersion == null ? migration.initialSchemaVersion : migration.targetSchemaVersion,
                        migration.migrationsExecuted);
                verify(connection);
                file.markCreated();
                OwnerOnly.restrict(folder.resolve(LOCK_FILE), folder.resolve(DATABASE_NAME + ".mv.db"),
                        folder.resolve(JournalFile.MARKER));
                return new EmbeddedDatabase(folder, dataSource, owner, connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            release(owner);
            if (e instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw alreadyOpen(folder);
            }
            throw new IllegalStateException("cannot open the journal in DATA_DIR " + folder + ": " + StorageProblem.at(e), e);
        }
    }

    /** A query, and a write written out: a query alone succeeds on a full disk or a read-only file. */
    private static void verify(Connection connection) throws SQLException {
        try (Statement check = connection.createStatement()) {
            check.executeQuery("SELECT COUNT(*) FROM events").close();
            check.executeUpdate("MERGE INTO storage_check (id, checked_at) KEY (id) VALUES (1, CURRENT_TIMESTAMP)");
            check.execute("CHECKPOINT SYNC");
        }
    }

    /*
     * H2 locks its file against other processes, but a second open in the same JVM would silently share the
     * database: two connectors in one process must fail as loudly as two processes do. An OS file lock does
     * both, since the JVM refuses overlapping locks on one file.
     */
    private static FileChannel claim(Path folder) {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journal's lock file in " + folder, e);
        }
        FileLock claimed;
        try {
            claimed = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            claimed = null;
        }
        if (claimed == null) {
            release(channel);
            throw alreadyOpen(folder);
        }
        return channel;
    }

    private static IllegalStateException alreadyOpen(Path folder) {
        return new IllegalStateException("the journal in " + folder + " is already open by another connector; "
                + "each connector needs its own data folder");
    }

    private static void release(FileChannel channel) {
        try {
            channel.close(); // releases the lock with it
        } catch (IOException e) {
            LOG.warn("Could not release the journal's lock file", e);
        }
    }

    /** Writes out every commit and forces it to the device; concurrent callers share one write-out. */
    @Override
    public void makeDurable() {
        long made;
        lock.lock();
        try {
            made = writes;
        } finally {
            lock.unlock();
        }
        groupCommit.awaitDurable(made);
    }

    /**
     * Writes every commit out to the file and forces it to the device; returns how many writes that covers. A plain
     * CHECKPOINT only hands the pages to the operating system, which a power loss can still take back; SYNC adds the
     * fsync (about 0.1 ms on this project's machine, 1.5 per event with concurrent events sharing them).
     */
    private long writeOut() {
        return use("write the journal out", connection -> {
            long started = System.nanoTime();
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT SYNC");
            }
            writeOutTimer.accept(Duration.ofNanos(System.nanoTime() - started));
            return writes;
        });
    }

    @Override
    public void onWriteOut(Consumer<Duration> timer) {
        writeOutTimer = timer;
    }

    @Override
    public boolean isOpen() {
        return availability.isOpen();
    }

    @Override
    public void onRecovery(Runnable resume) {
        availability.onRecovery(resume);
    }

    /** One try at bringing the database back: a new connection that takes a write, in place of the failed one. */
    boolean reopen() {
        lock.lock();
        try {
            if (availability.isClosed()) {
                return false;
            }
            closeQuietly(connection);
            Connection fresh = null;
            try {
                fresh = dataSource.getConnection();
                verify(fresh);
                connection = fresh;
                availability.back();
                return true;
            } catch (SQLException | RuntimeException e) {
                closeQuietly(fresh);
                availability.stillDown(e);
                return false;
            }
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing a failed journal connection failed too", e);
        }
    }

    /** Closes the database and gives the folder up to the next connector. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (availability.isClosed()) {
                return;
            }
            availability.close();
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing the journal in {} failed", dataDir, e);
            }
            release(ownerChannel);
            LOG.info("Closed the event journal in {}", dataDir);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counted once made, so that {@link #makeDurable()} knows what it has to cover (a write that failed made nothing
     * that anyone may announce).
     */
    @Override
    public <T> T write(String what, Work<T> work) {
        return use(what, connection -> {
            T result = work.run(connection);
            writes++;
            return result;
        });
    }

    /** On the database's one connection, under its lock. */
    @Override
    public <T> T use(String what, Work<T> work) {
        lock.lock();
        try {
            availability.refuseUnlessOpen(what);
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlProblems.isRefusedStatement(e) ? availability.refused(what, e) : availability.failed(what, e);
        } finally {
            lock.unlock();
        }
    }

    /** H2's MERGE, keyed: PostgreSQL's INSERT ... ON CONFLICT is not H2's. */
    @Override
    public String upsert(String table, String key, String... columns) {
        return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + key + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
    }
}
