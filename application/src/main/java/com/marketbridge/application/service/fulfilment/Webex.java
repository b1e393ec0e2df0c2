package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.Objects;
import java.util.Optional;

/** The Webex side of fulfilment: every driven port that reaches Webex, handed over as one. */
public record Webex(WebexCustomers customers, WebexSubscribers subscribers, WebexLocations locations,
                    WebexExtensions extensions, WebexPeople people) {

    public Webex {
        Objects.requireNonNull(customers, "'customers' must not be null");
        Objects.requireNonNull(subscribers, "'subscribers' must not be null");
        Objects.requireNonNull(locations, "'locations' must not be null");
        Objects.requireNonNull(extensions, "'extensions' must not be null");
        Objects.requireNonNull(people, "'people' must not be null");
    }

    /**
     * Takes a user out of the customer's Webex: the subscriber, then the person, so the email can join another
     * organization later. Either may be gone already; true when there was anything to remove.
     */
    boolean removeUser(WebexCustomer customer, String email) {
        Optional<WebexSubscriber> subscriber = subscribers.find(customer.id(), email);
        subscriber.ifPresent(subscribers::remove);
        boolean personRemoved = people.remove(customer.orgId(), email);
        return subscriber.isPresent() || personRemoved;
    }
}
