package com.marketbridge.application.port.out;

import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.Optional;

/** Webex Wholesale customers: one per marketplace company, found by its external id. */
public interface WebexCustomers {

    Optional<WebexCustomer> findByExternalId(String externalId);

    /** Starts provisioning; Webex finishes in the background. Returns the new customer's id. */
    String create(NewCustomer customer);

    WebexCustomer get(String customerId);
}
