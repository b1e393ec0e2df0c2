package com.marketbridge.application.service.fulfilment;

import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A subscription ends: each user's subscriber is removed, then their Webex person, so the email can later
 * join another organization, their extensions are free for reuse, and the record says CANCELLED. Both steps tolerate having been done already,
 * so a replay completes too. Accounts without a record keep their one subscriber.
 */
final class CancelFulfilment {

    private final Webex webex;
    private final SubscriberLocator locator;
    private final SubscriptionRecords records;
    private final ExtensionPicker extensions;

    CancelFulfilment(Webex webex, FulfilmentSettings settings, SubscriptionRecords records, ExtensionPicker extensions) {
        this.webex = webex;
        this.locator = new SubscriberLocator(webex, settings);
        this.records = records;
        this.extensions = extensions;
    }

    Outcome fulfil(SubscriptionCancelled cancel) {
        SubscriberLocator.Located located = locator.locate(cancel.accountIdentifier(), cancel.optionalCreator());
        if (!located.found()) {
            return located.instead();
        }
        Optional<Subscription> record = records.find(cancel.accountIdentifier());
        if (record.isPresent()) {
            return end(record.get(), located.customer());
        }
        String email = located.account().subscriberEmail();
        boolean removed = webex.removeUser(located.customer(), new SubscriptionUser(email, null, null, null, null));
        return new Outcome.Completed(located.account().identifier(),
                email + (removed ? " is removed from Webex" : " was already removed from Webex"));
    }

    /** Ends a recorded subscription: every user leaves Webex, the users stay on the record for the operator. */
    Outcome end(Subscription record, WebexCustomer customer) {
        for (SubscriptionUser user : record.users()) {
            webex.removeUser(customer, user);
            extensions.releaseOf(user);
        }
        records.save(record.withUsers(SubscriptionUser::withoutSubscriber).withStatus(SubscriptionStatus.CANCELLED));
        String emails = record.users().stream().map(SubscriptionUser::email).collect(Collectors.joining(", "));
        return new Outcome.Completed(record.accountIdentifier(), "Subscription " + record.accountIdentifier()
                + " is cancelled" + (emails.isEmpty() ? "" : "; removed from Webex: " + emails));
    }
}
