package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.util.Objects;

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
    boolean removeUser(WebexCustomer customer, SubscriptionUser user) {
        boolean subscriberRemoved = removeSubscriber(customer, user);
        boolean personRemoved = user.optionalPersonId().filter(id -> people.removeById(id, user.email())).isPresent()
                || people.removeByEmail(customer.orgId(), user.email());
        return subscriberRemoved || personRemoved;
    }

    /**
     * Removes the user's subscriber, keeping their person. Subscriber and person each go by the id recorded at the
     * create, one call; one Webex no longer has under that id (removed, or removed and added again, outside the
     * connector), or none recorded, is looked up by email. True when there was a subscriber to remove.
     */
    boolean removeSubscriber(WebexCustomer customer, SubscriptionUser user) {
        String email = user.email();
        return user.optionalSubscriberId().filter(id -> subscribers.remove(id, email)).isPresent()
                || subscribers.find(customer.id(), email).filter(found -> subscribers.remove(found.id(), email)).isPresent();
    }
}
