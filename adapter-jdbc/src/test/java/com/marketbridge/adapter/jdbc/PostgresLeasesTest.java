package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.application.port.EventJournalContract;
import com.marketbridge.application.port.out.LeaseLostException;
import com.marketbridge.domain.journal.JournalEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two connectors' leases on one real PostgreSQL database, and the fence they put on the journal's writes. */
class PostgresLeasesTest {

    /** Long enough that no renewal runs during a test, unless the test waits for one. */
    private static final Duration TERM = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private PostgresDatabase database;
    private PostgresLeases first;
    private PostgresLeases second;

    @BeforeEach
    void openDatabase() {
        database = PostgresDatabase.open(TestPostgres.newDatabase());
        first = new PostgresLeases(database, TERM);
        second = new PostgresLeases(database, TERM);
    }

    @AfterEach
    void closeDatabase() {
        first.close();
        second.close();
        database.close();
    }

    @Test
    void aLaneHeldByOneConnector_isRefusedToTheOther_untilReleased() {
        assertThat(first.take("c1")).isTrue();
        assertThat(first.take("c1")).as("kept by its holder").isTrue();

        assertThat(second.take("c1")).isFalse();
        assertThat(first.holds("c1")).isTrue();
        assertThat(second.holds("c1")).isFalse();
        assertThat(second.take("c2")).as("another lane").isTrue();

        first.release("c1");

        assertThat(first.holds("c1")).isFalse();
        assertThat(second.take("c1")).isTrue();
        assertThat(second.holds("c1")).isTrue();
        assertThat(first.take("c1")).isFalse();
    }

    @Test
    void theFenceGrowsWithEachConnectorTakingTheLane_notWhenItsHolderTakesItAgain() {
        first.take("c1");
        first.take("c1");
        assertThat(fence("c1")).isEqualTo(1);

        first.release("c1");
        second.take("c1");
        assertThat(fence("c1")).isEqualTo(2);

        second.release("c1");
        first.take("c1");
        assertThat(fence("c1")).isEqualTo(3);
    }

    @Test
    void aLeaseItsHolderNoLongerRenews_isTakenOverOnceTheDatabasesClockPassedItsExpiry() {
        sql("INSERT INTO lane_leases (lane, owner, fence, expires_at) VALUES ('c1', 'a-killed-connector', 5,"
                + " now() + INTERVAL '1 second')");
        assertThat(first.take("c1")).isFalse();

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean taken = false;
        while (!taken && System.nanoTime() < deadline) {
            taken = first.take("c1");
        }

        assertThat(taken).isTrue();
        assertThat(fence("c1")).isEqualTo(6);
    }

    @Test
    void aLeaseIsRenewedWhileItsHolderRuns() throws Exception {
        try (PostgresLeases quick = new PostgresLeases(database, Duration.ofSeconds(1))) {
            quick.take("c1");
            String expiry = "SELECT expires_at FROM lane_leases WHERE lane = 'c1'";
            Instant taken = instant(expiry);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!instant(expiry).isAfter(taken) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }

            assertThat(instant(expiry)).isAfter(taken);
            assertThat(quick.holds("c1")).isTrue();
            assertThat(second.take("c1")).isFalse();
        }
    }

    @Test
    void anEventWriteOfAConnectorWhoseLaneWasTakenOver_isRefused_andTheNewHoldersIsNot() {
        JdbcEventJournal firstJournal = new JdbcEventJournal(database, first);
        JdbcEventJournal secondJournal = new JdbcEventJournal(database, second);
        JournalEntry received = EventJournalContract.received("t1", T0);
        first.take("c1");
        firstJournal.recordNew(received);
        firstJournal.update(received.processing(T0.plusSeconds(1)));

        sql("UPDATE lane_leases SET expires_at = now() - INTERVAL '1 second'"); // the first paused past its term
        assertThat(second.take("c1")).isTrue();

        assertThatThrownBy(() -> firstJournal.update(received.processing(T0.plusSeconds(2))))
                .isInstanceOf(LeaseLostException.class).hasMessageContaining("c1");
        JournalEntry takenOver = received.processing(T0.plusSeconds(3));
        secondJournal.update(takenOver);
        assertThat(secondJournal.find(received.event().token())).contains(takenOver);
    }

    @Test
    void anEventWriteInALaneTheConnectorNeverTook_isRefused() {
        JdbcEventJournal journal = new JdbcEventJournal(database, first);
        JournalEntry received = EventJournalContract.received("t1", T0);
        journal.recordNew(received);

        assertThatThrownBy(() -> journal.update(received.processing(T0))).isInstanceOf(LeaseLostException.class);
    }

    private long fence(String lane) {
        return database.use("read the fence", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT fence FROM lane_leases WHERE lane = ?")) {
                select.setString(1, lane);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private Instant instant(String query) {
        return database.use("read a time", connection -> {
            try (Statement select = connection.createStatement(); ResultSet row = select.executeQuery(query)) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        });
    }

    private void sql(String statement) {
        database.write("prepare the test", connection -> {
            try (Statement run = connection.createStatement()) {
                return run.executeUpdate(statement);
            }
        });
    }
}
