package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.subscription.Subscription;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Subscriptions in a map; records are immutable, so what is stored is what is read back. */
public final class InMemorySubscriptions implements Subscriptions {

    private final Map<String, Subscription> byAccount = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Subscription> find(String accountIdentifier) {
        return Optional.ofNullable(byAccount.get(accountIdentifier));
    }

    @Override
    public synchronized void save(Subscription subscription) {
        byAccount.put(subscription.accountIdentifier(), subscription);
    }
}
