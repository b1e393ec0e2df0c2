package com.marketbridge.domain.event;

/** An event about an existing subscription, which it names by the account identifier the connector handed out. */
public sealed interface AccountEvent extends MarketplaceEvent
        permits SubscriptionChanged, SubscriptionCancelled, SubscriptionNoticed, UserAssigned, UserUnassigned, UserUpdated {

    /** The account identifier the marketplace keeps for the subscription; see {@code SubscriptionAccount}. */
    String accountIdentifier();
}
