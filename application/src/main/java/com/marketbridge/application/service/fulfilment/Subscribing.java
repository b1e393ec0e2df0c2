package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.Optional;

/**
 * Makes a user a subscriber of the customer with a package: Webex's precheck, then for calling an extension at the
 * customer's location ({@link ExtensionPicker}), then the create. A user Webex already has with this package (an
 * earlier attempt at the same event got that far) is found instead of created twice.
 */
final class Subscribing {

    private final Webex webex;
    private final ExtensionPicker extensions;

    Subscribing(Webex webex, ExtensionPicker extensions) {
        this.webex = webex;
        this.extensions = extensions;
    }

    /**
     * The user as a subscriber with the package, made now or found.
     *
     * @throws UpstreamException {@code USER_ALREADY_EXISTS} when the email is Webex's already, elsewhere or with another
     *                           package; whatever else Webex refused
     */
    Subscribed subscribe(WebexCustomer customer, String email, String firstName, String lastName, WebexPackage webexPackage) {
        try {
            webex.subscribers().validate(customer.id(), email, webexPackage);
        } catch (UpstreamException rejected) {
            if (rejected.reason() != FailureReason.USER_ALREADY_EXISTS) {
                throw rejected;
            }
            return webex.subscribers().find(customer.id(), email)
                    .filter(existing -> existing.packageName().equals(webexPackage.name()))
                    .map(existing -> new Subscribed(existing, webexPackage.calling()
                            ? extensions.reservedFor(customer, email).orElse(null) : null))
                    .orElseThrow(() -> rejected);
        }
        return create(customer, email, firstName, lastName, webexPackage, Optional.empty());
    }

    /** Creates the subscriber without a precheck, with the {@code preferred} extension if it has calling and one. */
    Subscribed create(WebexCustomer customer, String email, String firstName, String lastName, WebexPackage webexPackage,
                      Optional<CallingAssignment> preferred) {
        if (!webexPackage.calling()) {
            return new Subscribed(webex.subscribers().create(
                    new NewSubscriber(customer.id(), email, firstName, lastName, webexPackage, null)), null);
        }
        return extensions.withExtension(customer, email, preferred, assignment -> new Subscribed(webex.subscribers().create(
                new NewSubscriber(customer.id(), email, firstName, lastName, webexPackage, assignment)), assignment));
    }

    /** The subscriber, and where it lives in Webex Calling when its package has calling (null otherwise, or unknown). */
    record Subscribed(WebexSubscriber subscriber, CallingAssignment calling) {

        /** Webex waits for the user to accept moving their free Webex account into the organization. */
        boolean awaitsConsent() {
            return subscriber.status() == SubscriberStatus.PENDING_USER_MIGRATION;
        }

        /** The answer while Webex waits for the user's consent; {@code what} completes then. */
        Outcome.InProgress awaitingConsent(String what) {
            return new Outcome.InProgress(subscriber.email() + " already has a free Webex account; Webex asked the user"
                    + " to accept moving it into the organization, and " + what + " completes then.");
        }
    }
}
