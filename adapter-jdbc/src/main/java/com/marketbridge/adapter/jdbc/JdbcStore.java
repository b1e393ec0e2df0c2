package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.application.port.out.ExtensionReservations;
import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.application.port.out.LaneLeases;
import com.marketbridge.application.port.out.Subscriptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The connector's stores in one database, embedded (an H2 file under DATA_DIR, one connector) or shared (PostgreSQL,
 * several connectors): the event journal, the subscriptions, the extension reservations and the known customers. They share its connection and its durability, so {@link EventJournal#makeDurable()} covers the
 * writes of all four, and they are opened and closed together.
 */
public final class JdbcStore implements AutoCloseable {

    private final Database database;
    private final StoreLeases leases;
    private final EventJournal journal;
    private final EventQueries queries;
    private final Subscriptions subscriptions;
    private final ExtensionReservations reservations;
    private final KnownCustomers knownCustomers;

    private JdbcStore(Database database, StoreLeases leases) {
        this.database = database;
        this.leases = leases;
        this.journal = new JdbcEventJournal(database, leases);
        this.queries = new JdbcEventQueries(database);
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
     * Opens the stores where the settings say, bringing the schema up to date, and sees the database take a write.
     * Fails with {@link IllegalStateException} naming the place and the problem. In a folder (created if missing):
     * another connector, in this process or another, has it open; the folder or the journal file cannot be written;
     * the disk is full; the file is not a journal. In PostgreSQL (named by DATABASE_URL, never with a password): the
     * server cannot be reached, refuses the credentials, or the database does not exist or cannot be written.
     */
    public static JdbcStore open(StoreSettings settings) {
        if (settings instanceof PostgresSettings postgres) {
            PostgresDatabase database = PostgresDatabase.open(postgres);
            return new JdbcStore(database, new PostgresLeases(database, postgres.leaseTerm()));
        }
        return new JdbcStore(EmbeddedDatabase.open((JournalStorage) settings), new SoleConnectorLeases());
    }

    public EventJournal journal() {
        return journal;
    }

    /** The operators' reading of the journal. */
    public EventQueries queries() {
        return queries;
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

    /** Which connector works on which company's events: in PostgreSQL, shared by the connectors using it. */
    public LaneLeases leases() {
        return leases;
    }

    /**
     * What to run each time the database takes writes again after a failure, on the recovery's thread: the work it
     * holds that nobody works on, such as events whose progress was lost with the failed database, is taken up.
     */
    public void onRecovery(Runnable resume) {
        database.onRecovery(resume);
    }

    /**
     * What hears how long each write-out of the embedded journal took: its commits written to the file and forced to the
     * device, once for every answer or result waiting on them together. PostgreSQL's commits are durable when they
     * return, so a store there has no write-out to time.
     */
    public void timeWriteOuts(Consumer<Duration> timer) {
        database.onWriteOut(timer);
    }

    /** Lets the lanes go to the other connectors, closes the database and gives DATA_DIR up to the next connector. */
    @Override
    public void close() {
        leases.close();
        database.close();
    }
}
