package com.marketbridge.application.service;

import com.marketbridge.domain.edition.EditionLookup;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.Optional;

/**
 * A subscription moves to another edition: the subscriber gets the new package, and a location and
 * extension when it newly includes calling. Moving to meetings leaves calling parameters out.
 */
final class ChangeFulfilment {

    private final Webex webex;
    private final FulfilmentSettings settings;
    private final SubscriberLocator locator;
    private final CallingAssignments calling;

    ChangeFulfilment(Webex webex, FulfilmentSettings settings) {
        this.webex = webex;
        this.settings = settings;
        this.locator = new SubscriberLocator(webex, settings);
        this.calling = new CallingAssignments(webex, settings);
    }

    Outcome fulfil(SubscriptionChanged change) {
        EditionLookup edition = settings.catalog().lookup(change.order().editionCode());
        if (edition instanceof EditionLookup.Unknown unknown) {
            return new Outcome.Failed(FailureReason.UNKNOWN_EDITION, unknown.message());
        }
        WebexPackage target = ((EditionLookup.Known) edition).webexPackage();
        SubscriberLocator.Located located = locator.locate(change.accountIdentifier(), change.optionalCreator());
        if (!located.found()) {
            return located.instead();
        }
        String email = located.account().subscriberEmail();
        Optional<WebexSubscriber> subscriber = webex.subscribers().find(located.customer().id(), email);
        if (subscriber.isEmpty()) {
            return new Outcome.Failed(FailureReason.USER_NOT_FOUND, email + " is not a Webex subscriber of this company");
        }
        String done = email + " is subscribed to " + target.name();
        if (subscriber.get().packageName().equals(target.name())) {
            return new Outcome.Completed(located.account().identifier(), done);
        }
        boolean newlyCalling = target.calling() && !settings.catalog().packageNamed(subscriber.get().packageName()).calling();
        Optional<CallingAssignment> assignment = newlyCalling
                ? Optional.of(calling.forCustomer(located.customer()))
                : Optional.empty();
        webex.subscribers().changePackage(subscriber.get(), target, assignment);
        return new Outcome.Completed(located.account().identifier(), done);
    }
}
