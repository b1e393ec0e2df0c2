package com.example.connector.adapter.memory;

import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.subscription.Subscription;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The subscriptions in memory, by account identifier. */
public final class InMemorySubscriptions implements Subscriptions {

    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

    @Override
    public Optional<Subscription> find(String accountIdentifier) {
        return Optional.ofNullable(subscriptions.get(accountIdentifier));
    }

    @Override
    public void save(Subscription subscription) {
        subscriptions.put(subscription.accountIdentifier(), subscription);
    }
}
