package com.marketbridge.application.service;

import com.marketbridge.application.port.out.EventJournal;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.Optional;

/**
 * Webex customers, looked up once per company: a provisioned customer is remembered in the journal, so
 * later events of the company skip the lookup. The worker forgets it when Webex rejects work for the company.
 */
final class RememberedCustomers implements WebexCustomers {

    private final WebexCustomers webex;
    private final EventJournal journal;

    RememberedCustomers(WebexCustomers webex, EventJournal journal) {
        this.webex = webex;
        this.journal = journal;
    }

    @Override
    public Optional<WebexCustomer> findByExternalId(String externalId) {
        Optional<WebexCustomer> known = journal.knownCustomer(externalId);
        return known.isPresent() ? known : webex.findByExternalId(externalId).map(this::rememberIfProvisioned);
    }

    @Override
    public String create(NewCustomer customer) {
        return webex.create(customer);
    }

    @Override
    public WebexCustomer get(String customerId) {
        return rememberIfProvisioned(webex.get(customerId));
    }

    private WebexCustomer rememberIfProvisioned(WebexCustomer customer) {
        if (customer.status().acceptsSubscribers()) {
            journal.rememberCustomer(customer);
        }
        return customer;
    }
}
