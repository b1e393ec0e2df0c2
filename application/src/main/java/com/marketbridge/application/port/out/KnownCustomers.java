package com.marketbridge.application.port.out;

import com.marketbridge.domain.customer.WebexCustomer;
import java.util.Optional;

/**
 * The companies' Webex customers as last seen provisioned, by the company's external id, so that a company's later
 * events skip the lookup at Webex. A memory, not the truth: a customer missing here is looked up at Webex again,
 * so a store may lose what was not made durable (see {@link EventJournal#makeDurable()}) without harm.
 */
public interface KnownCustomers {

    /** The company's customer, if one was remembered and not forgotten since. */
    Optional<WebexCustomer> find(String externalId);

    /** Remembers the customer under its external id, replacing what was remembered for it. */
    void remember(WebexCustomer customer);

    /** Forgets the company's customer, after Webex rejected work for it; nothing happens if none was remembered. */
    void forget(String externalId);
}
