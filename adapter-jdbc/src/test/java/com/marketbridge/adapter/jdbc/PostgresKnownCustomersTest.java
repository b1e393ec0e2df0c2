package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.KnownCustomersContract;
import com.marketbridge.application.port.out.KnownCustomers;
import org.junit.jupiter.api.AfterEach;

/** The contract of {@link KnownCustomers} on a real PostgreSQL server. */
class PostgresKnownCustomersTest extends KnownCustomersContract {

    private JdbcStore store;

    @Override
    protected KnownCustomers customers() {
        store = JdbcStore.open(TestPostgres.newDatabase());
        return store.knownCustomers();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
