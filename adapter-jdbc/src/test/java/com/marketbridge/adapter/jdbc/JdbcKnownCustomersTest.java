package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.KnownCustomersContract;
import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.WebexCustomer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcKnownCustomersTest extends KnownCustomersContract {

    @TempDir
    Path dataDir;

    private JdbcStore store;

    @Override
    protected KnownCustomers customers() {
        store = JdbcStore.open(dataDir);
        return store.knownCustomers();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aCustomerRememberedAndMadeDurable_isKnownAfterARestart() {
        WebexCustomer customer = new WebexCustomer("cust-1", "c1", "org-1", CustomerStatus.PROVISIONED, List.of());
        store.knownCustomers().remember(customer);
        store.journal().makeDurable();
        store.close();

        store = JdbcStore.open(dataDir);

        assertThat(store.knownCustomers().find("c1")).contains(customer);
    }
}
