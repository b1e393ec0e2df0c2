package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.JournalUnavailableException;
import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.subscription.Subscription;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Subscriptions in a map; records are immutable, so what is stored is what is read back. */
public final class InMemorySubscriptions implements Subscriptions {

    private final Map<String, Subscription> byAccount = new LinkedHashMap<>();
    private int failingSaves;

    /** The next {@code count} saves fail, as on a full disk. */
    public synchronized void failNextSaves(int count) {
        failingSaves = count;
    }

    @Override
    public synchronized Optional<Subscription> find(String accountIdentifier) {
        return Optional.ofNullable(byAccount.get(accountIdentifier));
    }

    /** By uuid only: this fake knows no company names. */
    @Override
    public synchronized List<Subscription> ofCompany(String company) {
        return byAccount.values().stream()
                .filter(subscription -> company == null || subscription.companyUuid().equals(company))
                .sorted(Comparator.comparing(Subscription::accountIdentifier))
                .toList();
    }

    @Override
    public synchronized void save(Subscription subscription) {
        if (failingSaves > 0) {
            failingSaves--;
            throw new JournalUnavailableException("No space left on device");
        }
        byAccount.put(subscription.accountIdentifier(), subscription);
    }
}
