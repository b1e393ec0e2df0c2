package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.ExtensionReservations;
import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.application.port.out.Subscriptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The connector's stores in one database, embedded (an H2 file under DATA_DIR, one connector) or shared (PostgreSQL,
 * several connectors): the event journal, the subscriptions, the extension reservations and the known customers. They share its connection and its durability, so {@link EventJournal#makeDurable()} covers the
 * writes of all four, and they are opened and closed together.
 */
public final class JdbcStore implements AutoCloseable {

    private final Database database;
    private final EventJournal journal;
    private final Subscriptions subscriptions;
    private final ExtensionReservations reservations;
    private final KnownCustomers knownCustomers;

    private JdbcStore(Database database) {
        this.database = database;
        this.journal = new JdbcEventJournal(database);
        this.subscriptions = new JdbcSubscriptions(database);
        this.reservations = new JdbcExtensionReservations(database);
        this.knownCustomers = new JdbcKnownCustomers(database);
    }

    /** Opens the stores in {@code dataDir} on the disk; see {@link #open(JournalStorage)}. */
    public static JdbcStore open(Path dataDir) {
        Objects.requireNonNull(dataDir, "'dataDir' must not be null");
        return open(JournalStorage.onDisk(dataDir));
    }

    /**
     * Opens the stores in the storage's folder (created if missing), bringing the schema up to date. Fails with
     * {@link IllegalStateException} naming DATA_DIR or the file, and the problem: another connector, in this process
     * or another, has the folder open; the folder or the journal file cannot be written; the disk is full; the file
     * is not a journal.
     */
    public static JdbcStore open(JournalStorage storage) {
        return new JdbcStore(EmbeddedDatabase.open(storage));
    }

    /**
     * Connects to the PostgreSQL database that several connectors may share, bringing the schema up to date. Fails
     * with {@link IllegalStateException} naming DATABASE_URL (never the password) and the problem: the server cannot
     * be reached, refuses the credentials, or the database does not exist or cannot be written.
     */
    public static JdbcStore connect(PostgresSettings settings) {
        return new JdbcStore(PostgresDatabase.open(settings));
    }

    public EventJournal journal() {
        return journal;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public ExtensionReservations reservations() {
        return reservations;
    }

    public KnownCustomers knownCustomers() {
        return knownCustomers;
    }

    /**
     * What to run each time the database takes writes again after a failure, on the recovery's thread: the work it
     * holds that nobody works on, such as events whose progress was lost with the failed database, is taken up.
     */
    public void onRecovery(Runnable resume) {
        database.onRecovery(resume);
    }

    /** Closes the database and gives DATA_DIR up to the next connector. */
    @Override
    public void close() {
        database.close();
    }
}
