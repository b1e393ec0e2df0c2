package com.marketbridge.application.port.out;

import com.marketbridge.domain.subscription.Subscription;
import java.util.List;
import java.util.Optional;

/** The durable record of each subscription and its users, by the account identifier the marketplace keeps. */
public interface Subscriptions {

    /** The subscription of the account identifier, as last saved. */
    Optional<Subscription> find(String accountIdentifier);

    /**
     * The subscriptions of the companies whose uuid is {@code company} or whose name (as their orders gave it) contains
     * it, whatever its case; every subscription if null. By account identifier.
     */
    List<Subscription> ofCompany(String company);

    /** Stores the subscription, replacing the one with its account identifier (users included) in one step. */
    void save(Subscription subscription);
}
