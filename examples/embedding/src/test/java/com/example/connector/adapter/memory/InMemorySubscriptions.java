package com.example.connector.adapter.memory;

import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.subscription.Subscription;
import java.util.Comparator;
import java.util.List;
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

    /** By uuid only: this store keeps no company names. */
    @Override
    public List<Subscription> ofCompany(String company) {
        return subscriptions.values().stream()
                .filter(subscription -> company == null || subscription.companyUuid().equals(company))
                .sorted(Comparator.comparing(Subscription::accountIdentifier)).toList();
    }

    @Override
    public void save(Subscription subscription) {
        subscriptions.put(subscription.accountIdentifier(), subscription);
    }
}
