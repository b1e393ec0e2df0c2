package com.marketbridge.adapter.jdbc;

import static com.marketbridge.application.port.EventJournalContract.oneOfEachEvent;
import static com.marketbridge.application.port.EventJournalContract.received;
import static com.marketbridge.application.port.EventJournalContract.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a real store can get wrong: durability, ownership of the folder, migrations, concurrency. */
class JdbcStoreTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456789Z");

    @TempDir
    Path dataDir;

    @Test
    void givenEntriesAndCustomers_closeAndReopenTheFolder_findsThemAgain() {
        JournalEntry waiting = received("t-wait", T0).processing(T0)
                .waiting(new Outcome.InProgress("provisioning"), T0.plusSeconds(30), T0.plusSeconds(1));
        JournalEntry done = received("t-done", T0.plusSeconds(2)).processing(T0).finished(new Outcome.Completed("c1:bob@contoso.test", "ok"), T0);
        WebexCustomer customer = new WebexCustomer("cust-1", "c1", "org-1", CustomerStatus.PROVISIONED, List.of());
        try (JdbcStore store = JdbcStore.open(dataDir)) {
            store.journal().recordNew(waiting);
            store.journal().recordNew(done);
            store.knownCustomers().remember(customer);
        }

        try (JdbcStore reopened = JdbcStore.open(dataDir)) {
            assertThat(reopened.journal().needingWork()).containsExactly(waiting);
            assertThat(reopened.journal().find(new EventToken("t-done"))).contains(done);
            assertThat(reopened.knownCustomers().find("c1")).contains(customer);
        }
    }

    @Test
    void eachWriteOutOfTheJournal_isTimed_onlyWhenTheresAWriteToCover() {
        List<Duration> writeOuts = new ArrayList<>();
        try (JdbcStore store = JdbcStore.open(dataDir)) {
            store.timeWriteOuts(writeOuts::add);

            store.journal().recordNew(received("t-1", T0));
            store.journal().makeDurable();
            store.journal().makeDurable(); // nothing new: no write-out
            store.journal().recordNew(received("t-2", T0));
            store.journal().makeDurable();
        }

        assertThat(writeOuts).hasSize(2).allMatch(took -> !took.isNegative() && !took.isZero());
    }

    @Test
    void givenAnOpenFolder_openAgain_failsNamingTheFolderUntilTheFirstIsClosed() {
        JdbcStore first = JdbcStore.open(dataDir);

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(dataDir))
                .withMessageContaining(dataDir.toAbsolutePath().toString())
                .withMessageContaining("already open");
        assertThat(first.journal().isOpen()).isTrue();

        first.close();
        try (JdbcStore second = JdbcStore.open(dataDir)) {
            assertThat(second.journal().isOpen()).isTrue();
        }
    }

    @Test
    void theFirstOpenCreatesTheSchemaAndLaterOpensDoNotMigrateAgain() throws SQLException {
        Path folder = dataDir.resolve("nested/folder");
        JdbcStore.open(folder).close();
        List<String> afterFirstOpen = migrationHistory(folder);

        JdbcStore.open(folder).close();

        assertThat(afterFirstOpen).filteredOn(row -> row.startsWith("SQL ")).containsExactly("SQL 1 journal true",
                "SQL 2 subscriptions true", "SQL 3 journal without lobs true", "SQL 4 extension reservations true",
                "SQL 5 subscription users person id true", "SQL 6 storage check true", "SQL 7 fewer indexes true",
                "SQL 8 timeline true");
        assertThat(migrationHistory(folder)).isEqualTo(afterFirstOpen);
    }

    @Test
    void theReadableColumnsSayWhatTheEventIsAbout() throws SQLException {
        try (JdbcStore store = JdbcStore.open(dataDir)) {
            for (MarketplaceEvent event : oneOfEachEvent()) {
                store.journal().recordNew(JournalEntry.received(url(event.token().value()), event, "lane", T0, T0));
            }
            JournalEntry failed = received("t-failed", T0).processing(T0)
                    .finished(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "refused", "trk-9"), T0);
            store.journal().recordNew(failed);
        }

        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = plainConnection(dataDir);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT token, type, flag, company_uuid, account_identifier, "
                     + "subscriber_email, state, outcome_kind, outcome_reason, outcome_message, tracking_id FROM events")) {
            while (row.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 2; column <= 11; column++) {
                    values.add(row.getString(column));
                }
                rows.put(row.getString(1), String.join("|", values));
            }
        }

        assertThat(rows).containsEntry("t-order",
                        "SUBSCRIPTION_ORDER|LIVE|c1|null|bob@contoso.test|RECEIVED|null|null|null|null")
                .containsEntry("t-change",
                        "SUBSCRIPTION_CHANGE|DEVELOPMENT|null|c1:bob@contoso.test|bob@contoso.test|RECEIVED|null|null|null|null")
                .containsEntry("t-cancel",
                        "SUBSCRIPTION_CANCEL|STATELESS|null|c1|alice@contoso.test|RECEIVED|null|null|null|null")
                .containsEntry("t-unassign",
                        "USER_UNASSIGNMENT|LIVE|null|c1|alice@contoso.test|RECEIVED|null|null|null|null")
                .containsEntry("t-addon", "ADDON_ORDER|LIVE|null|null|null|RECEIVED|null|null|null|null")
                .containsEntry("t-failed",
                        "SUBSCRIPTION_ORDER|LIVE|c1|null|bob@contoso.test|FAILED|FAILED|UPSTREAM_REJECTED|refused|trk-9");
    }

    @Test
    void aClosedJournalSaysItIsNotOpenAndRefusesWork() {
        JdbcStore store = JdbcStore.open(dataDir);

        store.close();
        store.close();

        assertThat(store.journal().isOpen()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> store.journal().find(new EventToken("t1"))).withMessageContaining("closed");
    }

    @Test
    void givenTwentyThreadsRecordingTheSameEvent_exactlyOneRecordsIt() throws Exception {
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (JdbcStore store = JdbcStore.open(dataDir)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                JournalEntry entry = received("t-race", T0.plusSeconds(i));
                results.add(pool.submit(() -> {
                    start.await();
                    return store.journal().recordNew(entry);
                }));
            }
            start.countDown();

            int recorded = 0;
            for (Future<Boolean> result : results) {
                recorded += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(recorded).isEqualTo(1);
            assertThat(store.journal().needingWork()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEventJournaledBeforeTheLatestMigration_readsBackTheSameAfterIt() throws SQLException {
        Path folder = dataDir.resolve("upgraded");
        JdbcDataSource previous = new JdbcDataSource();
        previous.setURL("jdbc:h2:file:" + folder.toAbsolutePath().resolve(EmbeddedDatabase.DATABASE_NAME));
        previous.setUser("sa");
        Flyway.configure().dataSource(previous).locations("classpath:db/h2").target("2").load().migrate();
        JournalEntry entry = received("t-before", T0);
        try (Connection connection = previous.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO events (token, event_url, type, flag, "
                     + "lane, state, attempts, next_attempt_at, received_at, deadline, updated_at, asynchronous, "
                     + "result_delivered, event_json) VALUES (?, ?, 'SUBSCRIPTION_ORDER', 'LIVE', 'c1', 'RECEIVED', 0, "
                     + "?, ?, ?, ?, FALSE, FALSE, ?)")) {
            OffsetDateTime at = OffsetDateTime.ofInstant(T0, ZoneOffset.UTC);
            insert.setString(1, "t-before");
            insert.setString(2, entry.eventUrl().toString());
            insert.setObject(3, at);
            insert.setObject(4, at);
            insert.setObject(5, OffsetDateTime.ofInstant(entry.deadline(), ZoneOffset.UTC));
            insert.setObject(6, at);
            insert.setString(7, new EventCodec().encode(entry.event()));
            insert.executeUpdate();
        }

        try (JdbcStore store = JdbcStore.open(folder)) {
            assertThat(store.journal().find(new EventToken("t-before"))).contains(entry);
        }
    }

    private static List<String> migrationHistory(Path folder) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = plainConnection(folder);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT \"type\", \"version\", \"description\", \"success\" "
                     + "FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"")) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3) + " " + row.getBoolean(4));
            }
        }
        return rows;
    }

    /** Reads the database as an operator would, once the journal has let go of it. */
    private static Connection plainConnection(Path folder) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + folder.toAbsolutePath().resolve(EmbeddedDatabase.DATABASE_NAME)
                + ";IFEXISTS=TRUE", "sa", "");
    }
}
