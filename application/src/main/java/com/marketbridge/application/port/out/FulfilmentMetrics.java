package com.marketbridge.application.port.out;

import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.outcome.Outcome;
import java.time.Duration;
import java.util.Optional;

/**
 * What the fulfilment reports for monitoring: notifications answered, attempts retried, events finished and results
 * posted. An implementation labels what it counts only by values of small closed sets (the event's kind, the outcome's
 * kind and failure reason), never by anything an event or an outcome's message names: a company, a user, an email, an
 * event token. Calls are made on the threads doing the work, so they must be quick and must not throw.
 */
public interface FulfilmentMetrics {

    /** Reports nothing: for services whose metrics nobody reads (tests that do not look at them). */
    FulfilmentMetrics NONE = new FulfilmentMetrics() {
        @Override
        public void answered(Optional<MarketplaceEvent> event, Outcome answer, Duration took) {
        }

        @Override
        public void retrying(MarketplaceEvent event) {
        }

        @Override
        public void finished(MarketplaceEvent event, Outcome outcome) {
        }

        @Override
        public void resultDelivery(ResultDelivery delivery) {
        }
    };

    /**
     * A notification was answered {@code answer} (completed, failed, or accepted and in progress) {@code took} after it
     * came in; {@code event} is empty when the notification was refused before its event was fetched.
     */
    void answered(Optional<MarketplaceEvent> event, Outcome answer, Duration took);

    /** An attempt at the event left it waiting (for Webex to provision, or after a transient failure): it is tried again. */
    void retrying(MarketplaceEvent event);

    /** The worker finished the event with its final outcome, answered or posted: completed or failed. */
    void finished(MarketplaceEvent event, Outcome outcome);

    /** One try at posting a result to the marketplace. */
    void resultDelivery(ResultDelivery delivery);

    /** What one try at posting a result came to. */
    enum ResultDelivery {
        /** The marketplace took the result. */
        DELIVERED,
        /** The marketplace was unavailable: the result is posted again later. */
        RETRIED,
        /** The marketplace refused the result, or was unavailable past the grace period: an operator must act. */
        PARKED
    }
}
