package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Known customers in a map, by external id. */
public final class InMemoryKnownCustomers implements KnownCustomers {

    private final Map<String, WebexCustomer> byExternalId = new ConcurrentHashMap<>();

    @Override
    public Optional<WebexCustomer> find(String externalId) {
        return Optional.ofNullable(byExternalId.get(externalId));
    }

    @Override
    public void remember(WebexCustomer customer) {
        byExternalId.put(customer.externalId(), customer);
    }

    @Override
    public void forget(String externalId) {
        byExternalId.remove(externalId);
    }
}
