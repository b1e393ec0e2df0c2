package com.marketbridge.application.service;

import com.marketbridge.domain.event.AccountEvent;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.outcome.Outcome;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * One log line per handled event: token, type, company or account, outcome, duration, and Webex's
 * tracking id on failures. Uses the JDK's System.Logger so the application stays free of logging libraries;
 * the runnable jar routes it to SLF4J.
 */
final class EventLog {

    /** The demo's {@code eventType} hints and the event type each announces. */
    private static final Map<String, String> HINTED_TYPES = Map.of(
            "create", "SUBSCRIPTION_ORDER", "update", "SUBSCRIPTION_CHANGE", "cancel", "SUBSCRIPTION_CANCEL");

    private static final System.Logger LOG = System.getLogger("com.marketbridge.events");

    private EventLog() {
    }

    static Outcome record(EventToken token, MarketplaceEvent event, Outcome outcome, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        String type = event == null ? "-" : event.type();
        Level level = outcome instanceof Outcome.Failed ? Level.WARNING : Level.INFO;
        // built only when logged, and without MessageFormat: it would print durationMs=1,040 in some locales
        LOG.log(level, () -> "event=" + (token == null ? "-" : token) + " type=" + type + " " + subject(event)
                + " outcome=" + describe(outcome) + " durationMs=" + millis + trackingId(outcome));
        return outcome;
    }

    /** The notification URL's {@code eventType} is only a hint; the fetched event decides, and a mismatch is worth a line. */
    static void compareHint(Optional<String> hint, MarketplaceEvent event) {
        hint.map(HINTED_TYPES::get)
                .filter(expected -> !expected.equals(event.type()))
                .ifPresent(expected -> LOG.log(Level.WARNING, "event={0} was announced as {1} but is {2}; handled as {2}",
                        event.token(), expected, event.type()));
    }

    private static String subject(MarketplaceEvent event) {
        if (event instanceof SubscriptionOrdered order) {
            return "company=" + order.company().uuid();
        }
        return "account=" + (event instanceof AccountEvent account ? account.accountIdentifier() : "-");
    }

    private static String describe(Outcome outcome) {
        if (outcome instanceof Outcome.Failed failed) {
            return "FAILED/" + failed.reason() + " message=\"" + failed.message() + "\"";
        }
        return outcome instanceof Outcome.Completed ? "COMPLETED" : "IN_PROGRESS message=\"" + outcome.message() + "\"";
    }

    private static String trackingId(Outcome outcome) {
        return outcome instanceof Outcome.Failed failed
                ? failed.optionalTrackingId().map(id -> " trackingId=" + id).orElse("")
                : "";
    }
}
