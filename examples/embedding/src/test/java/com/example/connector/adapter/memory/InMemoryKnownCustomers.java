package com.example.connector.adapter.memory;

import com.marketbridge.application.port.out.KnownCustomers;
import com.marketbridge.domain.customer.WebexCustomer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The provisioned customers remembered in memory, by external id. */
public final class InMemoryKnownCustomers implements KnownCustomers {

    private final Map<String, WebexCustomer> customers = new ConcurrentHashMap<>();

    @Override
    public Optional<WebexCustomer> find(String externalId) {
        return Optional.ofNullable(customers.get(externalId));
    }

    @Override
    public void remember(WebexCustomer customer) {
        customers.put(customer.externalId(), customer);
    }

    @Override
    public void forget(String externalId) {
        customers.remove(externalId);
    }
}
