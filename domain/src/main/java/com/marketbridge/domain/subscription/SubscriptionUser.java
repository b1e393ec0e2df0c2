package com.marketbridge.domain.subscription;

import java.util.Objects;
import java.util.Optional;

/**
 * One user of a subscription: who they are on the marketplace, their Webex subscriber and person while they have
 * one (none while the subscription is suspended or ended; the person once Webex named it), recorded so that
 * removing them needs no lookups, and where calling packages put them, kept so that a reactivation gives them
 * their extension back. The email is required and not blank; everything else may be null.
 */
public record SubscriptionUser(String email, String firstName, String lastName, String subscriberId, String personId,
                               CallingAssignment calling) {

    public SubscriptionUser {
        Objects.requireNonNull(email, "'email' must not be null");
        if (email.isBlank()) {
            throw new IllegalArgumentException("'email' must not be blank");
        }
    }

    /** A user whose Webex person is not known. */
    public SubscriptionUser(String email, String firstName, String lastName, String subscriberId, CallingAssignment calling) {
        this(email, firstName, lastName, subscriberId, null, calling);
    }

    /** The user's Webex subscriber, while they have one. */
    public Optional<String> optionalSubscriberId() {
        return Optional.ofNullable(subscriberId);
    }

    /** Where calling put the user, kept while they are suspended. */
    public Optional<CallingAssignment> optionalCalling() {
        return Optional.ofNullable(calling);
    }

    /** Emails are matched regardless of case, as mail systems and Webex match them. */
    public boolean is(String otherEmail) {
        return email.equalsIgnoreCase(otherEmail);
    }

    /** The user's Webex person, once Webex named it and while they have a subscriber. */
    public Optional<String> optionalPersonId() {
        return Optional.ofNullable(personId);
    }

    /** The user with this Webex subscriber (and its person) and calling assignment (null: none). */
    public SubscriptionUser withSubscriber(WebexSubscriber subscriber, CallingAssignment newCalling) {
        return new SubscriptionUser(email, firstName, lastName, subscriber.id(), subscriber.personId(), newCalling);
    }

    /** Without a Webex subscriber; the calling assignment is kept to be given back later. */
    public SubscriptionUser withoutSubscriber() {
        return new SubscriptionUser(email, firstName, lastName, null, null, calling);
    }

    /** The user with new names. */
    public SubscriptionUser withNames(String newFirstName, String newLastName) {
        return new SubscriptionUser(email, newFirstName, newLastName, subscriberId, personId, calling);
    }
}
