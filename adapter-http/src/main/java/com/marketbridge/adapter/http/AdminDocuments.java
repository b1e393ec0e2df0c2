package com.marketbridge.adapter.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin API's JSON documents, as records Jackson writes in their components' order (nulls included: the contract
 * names every field), and how each is made from the application's values. Enum values are their Java names.
 */
final class AdminDocuments {

    private AdminDocuments() {
    }

    record Session(String username, String csrfToken) {
    }

    record Overview(Map<String, Long> states, Last24h last24h, Oldest oldestWaiting, Map<String, Long> failuresByReason) {

        static Overview of(EventQueries.Overview overview) {
            Map<String, Long> states = new LinkedHashMap<>();
            overview.states().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(state -> states.put(state.getKey().name(), state.getValue()));
            Map<String, Long> reasons = new TreeMap<>();
            overview.failuresByReason().forEach((reason, count) -> reasons.put(reason.name(), count));
            return new Overview(states, new Last24h(overview.completedLast24h(), overview.failedLast24h()),
                    overview.oldestWaiting().map(oldest -> new Oldest(oldest.token().value(), oldest.receivedAt())).orElse(null),
                    reasons);
        }
    }

    record Last24h(long completed, long failed) {
    }

    record Oldest(String token, Instant receivedAt) {
    }

    record Events(List<EventSummary> events, String nextCursor) {

        static Events of(EventQueries.Page page) {
            return new Events(page.events().stream().map(EventSummary::of).toList(),
                    page.next().map(EventQueries.Cursor::encoded).orElse(null));
        }
    }

    record Company(String uuid, String name) {
    }

    record EventOutcome(String kind, String reason, String message, String trackingId) {

        static EventOutcome of(Outcome outcome) {
            if (outcome == null) {
                return null;
            }
            Outcome.Failed failed = outcome instanceof Outcome.Failed failure ? failure : null;
            return new EventOutcome(kindOf(outcome), failed == null ? null : failed.reason().name(), outcome.message(),
                    failed == null ? null : failed.trackingId());
        }
    }

    record EventSummary(String token, String type, Company company, String state, int attempts, Instant receivedAt,
                        Instant updatedAt, Instant nextAttemptAt, EventOutcome outcome, boolean asynchronous,
                        boolean resultDelivered) {

        static EventSummary of(EventQueries.Summary summary) {
            JournalEntry entry = summary.entry();
            EventQueries.CompanyRef company = summary.company();
            return new EventSummary(entry.event().token().value(), entry.event().type(),
                    company == null ? null : new Company(company.uuid(), company.name()), entry.state().name(),
                    entry.attempts(), entry.receivedAt(), entry.updatedAt(), entry.nextAttemptAt(),
                    EventOutcome.of(entry.outcome()), entry.asynchronous(), entry.resultDelivered());
        }
    }

    record EventDetail(@JsonUnwrapped EventSummary summary, String eventUrl, String lane, Instant deadline) {
    }

    record Timeline(Instant at, String kind, String state, String outcome, String reason, String message,
                    String trackingId, Integer upstreamStatus, String actor, String action, String note) {

        static Timeline of(TimelineEntry entry) {
            Outcome outcome = entry.outcome();
            Outcome.Failed failed = outcome instanceof Outcome.Failed failure ? failure : null;
            return new Timeline(entry.at(), entry.kind().name(), entry.state().name(),
                    outcome == null ? null : kindOf(outcome), failed == null ? null : failed.reason().name(),
                    outcome == null ? null : outcome.message(), failed == null ? null : failed.trackingId(),
                    failed == null ? null : failed.upstreamStatus(), entry.actor(),
                    entry.action() == null ? null : entry.action().name(), entry.note());
        }
    }

    record EventHistory(EventDetail event, List<Timeline> timeline) {

        static EventHistory of(EventQueries.History history) {
            JournalEntry entry = history.event().entry();
            return new EventHistory(new EventDetail(EventSummary.of(history.event()), entry.eventUrl().toString(),
                    entry.lane(), entry.deadline()), history.timeline().stream().map(Timeline::of).toList());
        }
    }

    record Subscriptions(List<SubscriptionDocument> subscriptions) {

        static Subscriptions of(List<Subscription> subscriptions) {
            return new Subscriptions(subscriptions.stream().map(SubscriptionDocument::of).toList());
        }
    }

    record SubscriptionDocument(String accountIdentifier, String companyUuid, String customerId,
                                @JsonProperty("package") String webexPackage,
                                String status, Long seatLimit, List<User> users) {

        static SubscriptionDocument of(Subscription subscription) {
            return new SubscriptionDocument(subscription.accountIdentifier(), subscription.companyUuid(),
                    subscription.customerId(), subscription.webexPackage().name(), subscription.status().name(),
                    subscription.seatLimit(), subscription.users().stream().map(User::of).toList());
        }
    }

    /** A user of a subscription; {@code subscriberId} is null while the user has no Webex subscriber (suspended, ended). */
    record User(String email, String firstName, String lastName, String subscriberId, String personId, String extension,
                String locationId) {

        static User of(SubscriptionUser user) {
            return new User(user.email(), user.firstName(), user.lastName(), user.subscriberId(), user.personId(),
                    user.optionalCalling().map(CallingAssignment::extension).orElse(null),
                    user.optionalCalling().map(CallingAssignment::locationId).orElse(null));
        }
    }

    private static String kindOf(Outcome outcome) {
        if (outcome instanceof Outcome.Completed) {
            return "COMPLETED";
        }
        return outcome instanceof Outcome.Failed ? "FAILED" : "IN_PROGRESS";
    }
}
