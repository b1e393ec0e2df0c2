package com.marketbridge.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link KnownCustomers} store promises, run against the in-memory fake and against each real store. */
public abstract class KnownCustomersContract {

    private KnownCustomers customers;

    /** A new, empty store for each test; the subclass closes it afterwards if it must. */
    protected abstract KnownCustomers customers();

    @BeforeEach
    void openStore() {
        customers = customers();
    }

    @Test
    void aRememberedCustomer_isFoundByItsExternalId() {
        WebexCustomer provisioning = new WebexCustomer("cust-1", "c1", null, CustomerStatus.PROVISIONING, List.of());
        customers.remember(provisioning);

        assertThat(customers.find("c1")).contains(provisioning);
        assertThat(customers.find("c2")).isEmpty();
    }

    @Test
    void rememberingACustomerAgain_replacesIt() {
        customers.remember(new WebexCustomer("cust-1", "c1", null, CustomerStatus.PENDING_RPL_REVIEW, List.of()));
        WebexCustomer provisioned = new WebexCustomer("cust-1", "c1", "org-1", CustomerStatus.PROVISIONED, List.of());

        customers.remember(provisioned);

        assertThat(customers.find("c1")).contains(provisioned);
    }

    @Test
    void forgettingACustomer_forgetsOnlyIt() {
        WebexCustomer other = new WebexCustomer("cust-2", "c2", "org-2", CustomerStatus.UNKNOWN, List.of());
        customers.remember(new WebexCustomer("cust-1", "c1", "org-1", CustomerStatus.PROVISIONED, List.of()));
        customers.remember(other);

        customers.forget("c1");
        customers.forget("never-remembered");

        assertThat(customers.find("c1")).isEmpty();
        assertThat(customers.find("c2")).contains(other);
    }
}
