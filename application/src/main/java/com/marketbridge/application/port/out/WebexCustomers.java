package com.marketbridge.application.port.out;

import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.Optional;

/** Webex Wholesale customers: one per marketplace company, found by its external id. */
public interface WebexCustomers {

    /** The customer of the company with this external id (its marketplace uuid), if Webex has one. */
    Optional<WebexCustomer> findByExternalId(String externalId);

    /** Starts provisioning; Webex finishes in the background. Returns the new customer's id. */
    String create(NewCustomer customer);

    /**
     * The customer as Webex sees it now.
     *
     * @throws UpstreamException {@code ACCOUNT_NOT_FOUND} when Webex has no such customer
     */
    WebexCustomer get(String customerId);
}
