package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.marketbridge.application.port.EventJournalContract;
import com.marketbridge.domain.credential.Secret;
import com.marketbridge.domain.journal.JournalEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A database the connector cannot use is refused at the start, in one message naming DATABASE_URL, never the
 * password; one it can use, several connectors open together.
 */
class PostgresConnectTest {

    @Test
    void aServerThatIsNotThere_isNamedWithoutThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/marketbridge";

        assertThatIllegalStateException()
                .isThrownBy(() -> JdbcStore.open(new PostgresSettings(url, "connector", new Secret("s3cret-pw"), 2, PostgresSettings.DEFAULT_LEASE_TERM)))
                .withMessageStartingWith("cannot open the journal in PostgreSQL at DATABASE_URL " + url + ": ")
                .withMessageContaining("refused")
                .withMessageNotContaining("s3cret-pw");
    }

    @Test
    void aDatabaseThatDoesNotExist_isNamedWithoutThePassword() {
        PostgresSettings database = TestPostgres.newDatabase();
        String missing = database.url().replaceFirst("/marketbridge_\\d+", "/no_such_database");
        PostgresSettings wrong = new PostgresSettings(missing, "postgres", new Secret("s3cret-pw"), 2, PostgresSettings.DEFAULT_LEASE_TERM);

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(wrong))
                .withMessageContaining("DATABASE_URL jdbc:postgresql://")
                .withMessageContaining("no_such_database\" does not exist")
                .withMessageNotContaining("s3cret-pw");
    }

    @Test
    void connectorsStartingTogetherOnOneDatabase_bothOpenIt_andMigrateItOnce() throws Exception {
        PostgresSettings database = TestPostgres.newDatabase();
        CompletableFuture<JdbcStore> first = CompletableFuture.supplyAsync(() -> JdbcStore.open(database));
        CompletableFuture<JdbcStore> second = CompletableFuture.supplyAsync(() -> JdbcStore.open(database));

        try (JdbcStore one = first.get(); JdbcStore other = second.get()) {
            JournalEntry entry = EventJournalContract.received("t1", Instant.parse("2026-01-01T10:00:00Z"));
            assertThat(one.journal().recordNew(entry)).isTrue();
            assertThat(other.journal().recordNew(entry)).as("journaled once").isFalse();
            assertThat(other.journal().find(entry.event().token())).contains(entry);
        }
    }
}
