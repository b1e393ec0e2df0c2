package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.ExtensionReservationsContract;
import com.marketbridge.application.port.out.ExtensionReservations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcExtensionReservationsTest extends ExtensionReservationsContract {

    @TempDir
    Path dataDir;

    private JdbcStore journal;

    @Override
    protected ExtensionReservations reservations() {
        journal = JdbcStore.open(dataDir);
        return journal.reservations();
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    @Test
    void theExtensionsOfUsersRecordedBeforeReservations_areTheirsAfterTheMigration_exceptCancelledOnes() throws SQLException {
        journal.close();
        Path folder = dataDir.resolve("upgraded");
        JdbcDataSource previous = new JdbcDataSource();
        previous.setURL("jdbc:h2:file:" + folder.toAbsolutePath().resolve(EmbeddedDatabase.DATABASE_NAME));
        previous.setUser("sa");
        Flyway.configure().dataSource(previous).locations("classpath:db/h2").target("3").load().migrate();
        try (Connection connection = previous.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO subscriptions VALUES ('c1:alice@contoso.test', 'c1', 'wx-c1', 'webex_calling',"
                    + " TRUE, NULL, 'ACTIVE', CURRENT_TIMESTAMP), ('c1:bob@contoso.test', 'c1', 'wx-c1', 'webex_calling',"
                    + " TRUE, NULL, 'CANCELLED', CURRENT_TIMESTAMP)");
            sql.executeUpdate("INSERT INTO subscription_users VALUES"
                    + " ('c1:alice@contoso.test', 0, 'Alice@Contoso.test', NULL, NULL, 'sub-1', '2000', 'loc-1'),"
                    + " ('c1:alice@contoso.test', 1, 'carol@contoso.test', NULL, NULL, NULL, NULL, NULL),"
                    + " ('c1:bob@contoso.test', 0, 'bob@contoso.test', NULL, NULL, NULL, '2001', 'loc-1')");
        }

        journal = JdbcStore.open(folder);

        assertThat(journal.reservations().heldBy("loc-1", "alice@contoso.test")).contains("2000");
        assertThat(journal.reservations().taken("loc-1")).containsExactly("2000");
    }

    @Test
    void aReservation_survivesARestart() {
        journal.reservations().reserve("loc-1", "2000", "alice@contoso.test");
        journal.close();

        journal = JdbcStore.open(dataDir);

        assertThat(journal.reservations().heldBy("loc-1", "alice@contoso.test")).contains("2000");
    }
}
