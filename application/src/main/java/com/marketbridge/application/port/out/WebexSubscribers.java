package com.marketbridge.application.port.out;

import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.Optional;

/** Webex Wholesale subscribers: the users of a customer, each with one package. */
public interface WebexSubscribers {

    /**
     * Asks Webex whether the subscriber could be created, changing nothing.
     *
     * @throws UpstreamException {@code USER_ALREADY_EXISTS} or {@code UPSTREAM_REJECTED} with Webex's description
     */
    void validate(String customerId, String email, WebexPackage webexPackage);

    /**
     * Creates the subscriber.
     *
     * @throws UpstreamException {@code USER_ALREADY_EXISTS}, {@code EXTENSION_TAKEN} for a calling extension used
     *                           meanwhile, or {@code UPSTREAM_REJECTED} with Webex's description
     */
    WebexSubscriber create(NewSubscriber subscriber);

    /** The customer's subscriber with this email, if any. */
    Optional<WebexSubscriber> find(String customerId, String email);

    /** Moves the subscriber to the package; {@code calling} is present when it newly needs Webex Calling. */
    WebexSubscriber changePackage(WebexSubscriber subscriber, WebexPackage target, Optional<CallingAssignment> calling);

    /**
     * Removes the subscriber with this id; the email names it in messages. False when Webex has none with the id:
     * removed already, or removed (and perhaps added again, under another id) outside the connector.
     */
    boolean remove(String subscriberId, String email);
}
