package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.ExtensionReservationsContract;
import com.marketbridge.application.port.out.ExtensionReservations;
import org.junit.jupiter.api.AfterEach;

/** The contract of {@link ExtensionReservations} on a real PostgreSQL server. */
class PostgresExtensionReservationsTest extends ExtensionReservationsContract {

    private JdbcStore store;

    @Override
    protected ExtensionReservations reservations() {
        store = JdbcStore.open(TestPostgres.newDatabase());
        return store.reservations();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
