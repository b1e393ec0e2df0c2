package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Webex customers, looked up once per company: a provisioned customer is remembered in a store (and in
 * memory, read on every event), so later events of the company skip the lookup. The worker forgets it when
 * Webex rejects work for the company.
 */
final class RememberedCustomers implements WebexCustomers {

    private final WebexCustomers webex;
    private final KnownCustomers stored;
    private final Map<String, WebexCustomer> known = new ConcurrentHashMap<>();

    RememberedCustomers(WebexCustomers webex, KnownCustomers stored) {
        this.webex = webex;
        this.stored = stored;
    }

    @Override
    public Optional<WebexCustomer> findByExternalId(String externalId) {
        Optional<WebexCustomer> remembered = remembered(externalId);
        return remembered.isPresent() ? remembered : webex.findByExternalId(externalId).map(this::rememberIfProvisioned);
    }

    /** The company's customer if it is known to be provisioned, without asking Webex. */
    Optional<WebexCustomer> remembered(String externalId) {
        WebexCustomer customer = known.get(externalId);
        if (customer != null) {
            return Optional.of(customer);
        }
        Optional<WebexCustomer> found = stored.find(externalId);
        found.ifPresent(inStore -> known.put(externalId, inStore));
        return found;
    }

    void forget(String externalId) {
        known.remove(externalId);
        stored.forget(externalId);
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
            stored.remember(customer);
            known.put(customer.externalId(), customer);
        }
        return customer;
    }
}
