package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.marketbridge.domain.credential.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A database the connector cannot use is refused at the start, in one message naming DATABASE_URL, never the password. */
class PostgresConnectTest {

    @Test
    void aServerThatIsNotThere_isNamedWithoutThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/marketbridge";

        assertThatIllegalStateException()
                .isThrownBy(() -> JdbcStore.open(new PostgresSettings(url, "connector", new Secret("s3cret-pw"), 2)))
                .withMessageStartingWith("cannot open the journal in PostgreSQL at DATABASE_URL " + url + ": ")
                .withMessageContaining("refused")
                .withMessageNotContaining("s3cret-pw");
    }

    @Test
    void aDatabaseThatDoesNotExist_isNamedWithoutThePassword() {
        PostgresSettings database = TestPostgres.newDatabase();
        String missing = database.url().replaceFirst("/marketbridge_\\d+", "/no_such_database");
        PostgresSettings wrong = new PostgresSettings(missing, "postgres", new Secret("s3cret-pw"), 2);

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(wrong))
                .withMessageContaining("DATABASE_URL jdbc:postgresql://")
                .withMessageContaining("no_such_database\" does not exist")
                .withMessageNotContaining("s3cret-pw");
    }

    @Test
    void aSecondConnectorOnTheSameDatabase_isRefusedUntilTheFirstCloses() {
        PostgresSettings database = TestPostgres.newDatabase();
        JdbcStore first = JdbcStore.open(database);

        assertThatIllegalStateException().isThrownBy(() -> JdbcStore.open(database))
                .withMessageContaining("at DATABASE_URL " + PostgresSettings.withoutQuery(database.url()))
                .withMessageContaining("another connector uses this database");

        first.close();
        JdbcStore.open(database).close();
    }
}
