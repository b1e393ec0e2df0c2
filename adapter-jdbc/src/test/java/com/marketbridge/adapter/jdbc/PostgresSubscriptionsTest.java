package com.marketbridge.adapter.jdbc;

import com.marketbridge.application.port.SubscriptionsContract;
import com.marketbridge.application.port.out.Subscriptions;
import org.junit.jupiter.api.AfterEach;

/** The contract of {@link Subscriptions} on a real PostgreSQL server. */
class PostgresSubscriptionsTest extends SubscriptionsContract {

    private JdbcStore store;

    @Override
    protected Subscriptions subscriptions() {
        store = JdbcStore.open(TestPostgres.newDatabase());
        return store.subscriptions();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
