package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.ExtensionReservations;
import com.marketbridge.application.port.out.JournalUnavailableException;
import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.event.AccountEvent;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.EventUrl;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.SubscriptionAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event journal (and the subscriptions) kept in an embedded H2 database file, owned by one connector at a time.
 * A failed write marks it down at once: it refuses work, naming the problem, until {@link Recovery} has reopened the
 * database and seen it take a write again.
 */
public final class JdbcEventJournal implements EventJournal, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcEventJournal.class);

    static final String DATABASE_NAME = "marketbridge";
    static final String LOCK_FILE = "marketbridge.owner.lock";
    private static final String DUPLICATE_KEY = "23505";

    // Derived from the domain so that what "finished" means is decided in one place, EventState.
    private static final String FINISHED_STATES = Arrays.stream(EventState.values())
            .filter(EventState::isFinished)
            .map(state -> "'" + state.name() + "'")
            .collect(Collectors.joining(", "));

    private static final String COLUMNS = "token, event_url, type, flag, lane, company_uuid, account_identifier, "
            + "subscriber_email, state, attempts, next_attempt_at, received_at, deadline, updated_at, asynchronous, "
            + "result_delivered, outcome_kind, outcome_reason, outcome_message, tracking_id, account_result, event_json";
    private static final String INSERT = "INSERT INTO events (" + COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // An event, its URL, lane and deadline never change: an update writes only its progress, not the event again.
    private static final String UPDATE = "UPDATE events SET state = ?, attempts = ?, next_attempt_at = ?, updated_at = ?, "
            + "asynchronous = ?, result_delivered = ?, outcome_kind = ?, outcome_reason = ?, outcome_message = ?, "
            + "tracking_id = ?, account_result = ? WHERE token = ?";
    private static final String FIND = "SELECT " + COLUMNS + " FROM events WHERE token = ?";
    // Mirrors JournalEntry.needsWork(); the contract test checks the two agree on every combination.
    private static final String NEEDING_WORK = "SELECT " + COLUMNS + " FROM events"
            + " WHERE state NOT IN (" + FINISHED_STATES + ")"
            + " OR (asynchronous AND NOT result_delivered AND state <> '" + EventState.PARKED.name() + "')"
            + " ORDER BY received_at, token";
    private static final String FIND_CUSTOMER = "SELECT customer_id, external_id, org_id, status FROM customers WHERE external_id = ?";
    private static final String MERGE_CUSTOMER =
            "MERGE INTO customers (external_id, customer_id, org_id, status, updated_at) KEY (external_id) VALUES (?, ?, ?, ?, ?)";
    private static final String DELETE_CUSTOMER = "DELETE FROM customers WHERE external_id = ?";

    private final Path dataDir;
    private final JdbcDataSource dataSource;
    private final FileChannel ownerChannel;
    /** Replaced when the journal recovers; guarded by {@link #lock}, as everything it is used for. */
    private Connection connection;
    private final EventCodec codec = new EventCodec();
    private final Clock clock = Clock.systemUTC();
    /*
     * One connection, one caller at a time. Each call is one short statement on an embedded database, and the
     * slow part, writing commits out, is shared by makeDurable's callers; a pool would add lock timeouts and
     * concurrent-update retries to reason about.
     */
    private final ReentrantLock lock = new ReentrantLock();
    private final Subscriptions subscriptions = new JdbcSubscriptions(this);
    private final ExtensionReservations reservations = new JdbcExtensionReservations(this);
    private final GroupCommit groupCommit = new GroupCommit(this::writeOut);
    private final Recovery recovery = new Recovery(this::reopen, this::isDown);
    private long writes;
    /** Why the journal is down, in a few words; null while it takes writes. */
    private volatile String problem;
    private volatile boolean closed;

    private JdbcEventJournal(Path dataDir, JdbcDataSource dataSource, FileChannel ownerChannel, Connection connection) {
        this.dataDir = dataDir;
        this.dataSource = dataSource;
        this.ownerChannel = ownerChannel;
        this.connection = connection;
    }

    /** Opens the journal in {@code dataDir} on the disk; see {@link #open(JournalStorage)}. */
    public static JdbcEventJournal open(Path dataDir) {
        Objects.requireNonNull(dataDir, "'dataDir' must not be null");
        return open(JournalStorage.onDisk(dataDir));
    }

    /**
     * Opens the journal in the storage's folder (created if missing), brings its schema up to date and sees it take a
     * write. Fails with {@link IllegalStateException} naming DATA_DIR or the file, and the problem: another journal,
     * in this process or another, has the folder open; the folder or the journal file cannot be written; the disk is
     * full; the file is not a journal (see {@link JournalFile}).
     */
    public static JdbcEventJournal open(JournalStorage storage) {
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
                MigrateResult migration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                        .load().migrate();
                LOG.info("Opened the event journal in {} at schema version {} ({} migration(s) applied)", folder,
                        migration.targetSchemaVersion == null ? migration.initialSchemaVersion : migration.targetSchemaVersion,
                        migration.migrationsExecuted);
                verify(connection);
                file.markCreated();
                OwnerOnly.restrict(folder.resolve(LOCK_FILE), folder.resolve(DATABASE_NAME + ".mv.db"),
                        folder.resolve(JournalFile.MARKER));
                return new JdbcEventJournal(folder, dataSource, owner, connection);
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

    @Override
    public boolean recordNew(JournalEntry entry) {
        return write("record event " + entry.event().token(), () -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, entry.event().token().value());
                bindEntry(insert, 2, entry);
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                // the primary key decides, so two concurrent receipts of one event cannot both win
                if (DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<JournalEntry> find(EventToken token) {
        return inLock("find event " + token, () -> {
            try (PreparedStatement find = connection.prepareStatement(FIND)) {
                find.setString(1, token.value());
                try (ResultSet row = find.executeQuery()) {
                    return row.next() ? Optional.of(readEntry(row)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void update(JournalEntry entry) {
        EventToken token = entry.event().token();
        int updated = write("update event " + token, () -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                int i = 1;
                update.setString(i++, entry.state().name());
                update.setInt(i++, entry.attempts());
                update.setObject(i++, timestamp(entry.nextAttemptAt()));
                update.setObject(i++, timestamp(entry.updatedAt()));
                update.setBoolean(i++, entry.asynchronous());
                update.setBoolean(i++, entry.resultDelivered());
                i = bindOutcome(update, i, entry.outcome());
                update.setString(i, token.value());
                return update.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException("event " + token + " is not journaled");
        }
    }

    @Override
    public List<JournalEntry> needingWork() {
        return inLock("list the events needing work", () -> {
            List<JournalEntry> work = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(NEEDING_WORK);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    work.add(readEntry(rows));
                }
            }
            return work;
        });
    }

    @Override
    public Optional<WebexCustomer> knownCustomer(String externalId) {
        return inLock("find customer " + externalId, () -> {
            try (PreparedStatement find = connection.prepareStatement(FIND_CUSTOMER)) {
                find.setString(1, externalId);
                try (ResultSet row = find.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    // Webex's errors describe one background attempt; they are asked for again, not remembered
                    return Optional.of(new WebexCustomer(row.getString("customer_id"), row.getString("external_id"),
                            row.getString("org_id"), CustomerStatus.fromWire(row.getString("status")), List.of()));
                }
            }
        });
    }

    @Override
    public void rememberCustomer(WebexCustomer customer) {
        write("remember customer " + customer.externalId(), () -> {
            try (PreparedStatement merge = connection.prepareStatement(MERGE_CUSTOMER)) {
                merge.setString(1, customer.externalId());
                merge.setString(2, customer.id());
                merge.setString(3, customer.orgId());
                merge.setString(4, customer.status().name());
                merge.setObject(5, timestamp(clock.instant()));
                return merge.executeUpdate();
            }
        });
    }

    @Override
    public void forgetCustomer(String externalId) {
        write("forget customer " + externalId, () -> {
            try (PreparedStatement delete = connection.prepareStatement(DELETE_CUSTOMER)) {
                delete.setString(1, externalId);
                return delete.executeUpdate();
            }
        });
    }

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
        return inLock("write the journal out", connection -> {
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT SYNC");
            }
            return writes;
        });
    }

    /** The subscriptions kept in the same database, open and closed with this journal. */
    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** The extension reservations kept in the same database, open and closed with this journal. */
    public ExtensionReservations reservations() {
        return reservations;
    }

    /** Whether the journal takes writes: open, and not down after a failure. */
    @Override
    public boolean isOpen() {
        return !closed && problem == null;
    }

    private boolean isDown() {
        return !closed && problem != null;
    }

    /**
     * What to run each time the journal takes writes again after a failure, on the recovery's thread: the work it
     * holds that nobody works on, such as events whose progress was lost with the failed database, is taken up.
     */
    public void onRecovery(Runnable resume) {
        recovery.afterwards(resume);
    }

    /**
     * Marks the journal down at once: later calls are refused without touching the database, which H2 may have
     * closed already (it does after a failed write-out), and {@link Recovery} starts reopening it.
     */
    private JournalUnavailableException failed(String what, SQLException e) {
        if (problem == null) {
            problem = StorageProblem.of(e);
            LOG.error("The journal in DATA_DIR {} could not {}: {}. It refuses work until it can write again: /ready "
                    + "answers 503, notifications are answered that the storage is unavailable; reopening it every few "
                    + "seconds", dataDir, what, problem, e);
            recovery.start();
        }
        return new JournalUnavailableException(problem);
    }

    /** One try at bringing the journal back: a new connection that takes a write, in place of the failed one. */
    boolean reopen() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closeQuietly(connection);
            Connection fresh = null;
            try {
                fresh = dataSource.getConnection();
                verify(fresh);
                connection = fresh;
                problem = null;
                LOG.warn("The journal in DATA_DIR {} takes writes again; taking up its unfinished work", dataDir);
                return true;
            } catch (SQLException | RuntimeException e) {
                closeQuietly(fresh);
                problem = StorageProblem.of(e);
                LOG.warn("The journal in DATA_DIR {} still cannot write: {}", dataDir, problem);
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

    /** Closes the database and gives the folder up to the next journal. */
    @Override
    public void close() {
        recovery.close();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
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

    // ---- rows ----------------------------------------------------------------------------------------------------

    /** Binds every column but the token, in {@link #UPDATE}'s order, from {@code first}; returns the next index. */
    private int bindEntry(PreparedStatement statement, int first, JournalEntry entry) throws SQLException {
        MarketplaceEvent event = entry.event();
        int i = first;
        statement.setString(i++, entry.eventUrl().toString());
        statement.setString(i++, event.type());
        statement.setString(i++, event.flag().name());
        statement.setString(i++, entry.lane());
        statement.setString(i++, event instanceof SubscriptionOrdered order ? order.company().uuid() : null);
        statement.setString(i++, event instanceof AccountEvent account ? account.accountIdentifier() : null);
        statement.setString(i++, subscriberEmail(event).orElse(null));
        statement.setString(i++, entry.state().name());
        statement.setInt(i++, entry.attempts());
        statement.setObject(i++, timestamp(entry.nextAttemptAt()));
        statement.setObject(i++, timestamp(entry.receivedAt()));
        statement.setObject(i++, timestamp(entry.deadline()));
        statement.setObject(i++, timestamp(entry.updatedAt()));
        statement.setBoolean(i++, entry.asynchronous());
        statement.setBoolean(i++, entry.resultDelivered());
        i = bindOutcome(statement, i, entry.outcome());
        statement.setString(i++, codec.encode(event));
        return i;
    }

    private static int bindOutcome(PreparedStatement statement, int first, Outcome outcome) throws SQLException {
        int i = first;
        statement.setString(i++, outcomeKind(outcome));
        statement.setString(i++, outcome instanceof Outcome.Failed failed ? failed.reason().name() : null);
        statement.setString(i++, outcome == null ? null : outcome.message());
        statement.setString(i++, outcome instanceof Outcome.Failed failed ? failed.trackingId() : null);
        statement.setString(i++, outcome instanceof Outcome.Completed completed ? completed.accountIdentifier() : null);
        return i;
    }

    /** For operators: whose subscription the event is about, read the way the services read it. */
    private static Optional<String> subscriberEmail(MarketplaceEvent event) {
        if (event instanceof SubscriptionOrdered order) {
            return Optional.of(order.creator().email());
        }
        if (!(event instanceof AccountEvent account)) {
            return Optional.empty();
        }
        Optional<MarketplaceUser> fallback = Optional.empty();
        if (account instanceof SubscriptionChanged changed) {
            fallback = changed.optionalCreator();
        } else if (account instanceof SubscriptionCancelled cancelled) {
            fallback = cancelled.optionalCreator();
        } else if (account instanceof UserAssigned assigned) {
            fallback = Optional.of(assigned.user());
        } else if (account instanceof UserUnassigned unassigned) {
            fallback = Optional.of(unassigned.user());
        } else if (account instanceof UserUpdated updated) {
            fallback = Optional.of(updated.user());
        }
        return SubscriptionAccount.parse(account.accountIdentifier(), fallback.map(MarketplaceUser::email))
                .map(SubscriptionAccount::subscriberEmail);
    }

    private static String outcomeKind(Outcome outcome) {
        if (outcome instanceof Outcome.Completed) {
            return "COMPLETED";
        }
        if (outcome instanceof Outcome.Failed) {
            return "FAILED";
        }
        return outcome instanceof Outcome.InProgress ? "IN_PROGRESS" : null;
    }

    private JournalEntry readEntry(ResultSet row) throws SQLException {
        return new JournalEntry(new EventUrl(URI.create(row.getString("event_url"))), codec.decode(row.getString("event_json")),
                row.getString("lane"), EventState.valueOf(row.getString("state")), row.getInt("attempts"),
                instant(row, "next_attempt_at"), readOutcome(row), row.getBoolean("asynchronous"),
                row.getBoolean("result_delivered"), instant(row, "received_at"), instant(row, "deadline"),
                instant(row, "updated_at"));
    }

    private static Outcome readOutcome(ResultSet row) throws SQLException {
        String kind = row.getString("outcome_kind");
        if (kind == null) {
            return null;
        }
        String message = row.getString("outcome_message");
        return switch (kind) {
            case "COMPLETED" -> new Outcome.Completed(row.getString("account_result"), message);
            case "FAILED" -> new Outcome.Failed(FailureReason.valueOf(row.getString("outcome_reason")), message,
                    row.getString("tracking_id"));
            case "IN_PROGRESS" -> new Outcome.InProgress(message);
            default -> throw new IllegalStateException("unknown outcome kind '" + kind + "'");
        };
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    // ---- locking ---------------------------------------------------------------------------------------------------

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Work on the journal's one connection, which nobody else uses meanwhile. */
    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inLock(String what, SqlWork<T> work) {
        return inLock(what, connection -> work.run());
    }

    private <T> T write(String what, SqlWork<T> work) {
        return write(what, connection -> work.run());
    }

    /**
     * Work that changes the database: counted once made, so that {@link #makeDurable()} knows what it has to cover
     * (a write that failed made nothing that anyone may announce).
     */
    <T> T write(String what, ConnectionWork<T> work) {
        return inLock(what, connection -> {
            T result = work.run(connection);
            writes++;
            return result;
        });
    }

    /**
     * Work on the journal's one connection, which nobody else uses meanwhile; refused while the journal is down.
     *
     * @throws JournalUnavailableException the journal is down, or the database failed the work
     * @throws IllegalStateException       the journal is closed, or the database refused the statement itself
     */
    <T> T inLock(String what, ConnectionWork<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the journal in " + dataDir + " is closed; cannot " + what);
            }
            if (problem != null) {
                throw new JournalUnavailableException(problem);
            }
            return work.run(connection);
        } catch (SQLException e) {
            if (isRefusedStatement(e)) {
                throw new IllegalStateException("the journal in " + dataDir + " could not " + what + ": " + e.getMessage(), e);
            }
            throw failed(what, e);
        } finally {
            lock.unlock();
        }
    }

    /** Refused for its data or its text (SQLSTATE classes 22, 23, 42): a defect of the connector, not of the storage. */
    private static boolean isRefusedStatement(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("42"));
    }
}
