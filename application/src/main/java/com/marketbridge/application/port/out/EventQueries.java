package com.marketbridge.application.port.out;

import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.outcome.FailureReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What operators read of the journal: its events by filters, newest received first, one event's timeline, counts. */
public interface EventQueries {

    /** A page of the events that pass the filter, newest received first, and the cursor of the next page if any. */
    Page events(Filter filter);

    /** The event with its timeline, oldest entry first (its receipt). */
    Optional<History> history(EventToken token);

    /** The counts an operator looks at first, as of {@code now}. */
    Overview overview(Instant now);

    /**
     * Which events to list; null criteria do not filter. {@code company} matches the company's uuid, or a part of its
     * name whatever its case; {@code since} is inclusive, {@code until} exclusive (received times).
     */
    record Filter(EventState state, String type, String company, Instant since, Instant until, int limit, Cursor after) {

        public static final int MAX_LIMIT = 200;
        public static final int DEFAULT_LIMIT = 50;

        public Filter {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("'limit' must be between 1 and " + MAX_LIMIT + ", got " + limit);
            }
        }
    }

    /** Where a page ended: the last event listed. Opaque to callers, who get it as {@link #encoded()}. */
    record Cursor(Instant receivedAt, String token) {

        public Cursor {
            Objects.requireNonNull(receivedAt, "'receivedAt' must not be null");
            Objects.requireNonNull(token, "'token' must not be null");
        }

        public static Cursor after(JournalEntry last) {
            return new Cursor(last.receivedAt(), last.event().token().value());
        }

        public String encoded() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((receivedAt + " " + token).getBytes(StandardCharsets.UTF_8));
        }

        /** @throws IllegalArgumentException the text is not a cursor this port gave */
        public static Cursor decode(String encoded) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
                int space = text.indexOf(' ');
                return new Cursor(Instant.parse(text.substring(0, Math.max(space, 0))), text.substring(space + 1));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("not a cursor of this listing");
            }
        }
    }

    /** The company an event is about, as far as the journal knows it: no uuid for an unsupported event. */
    record CompanyRef(String uuid, String name) {
    }

    /** An event as listed: its journal entry and its company. */
    record Summary(JournalEntry entry, CompanyRef company) {
        public Summary {
            Objects.requireNonNull(entry, "'entry' must not be null");
        }
    }

    record Page(List<Summary> events, Optional<Cursor> next) {
        public Page {
            events = List.copyOf(events);
        }
    }

    record History(Summary event, List<TimelineEntry> timeline) {
        public History {
            timeline = List.copyOf(timeline);
        }
    }

    /** The waiting event received first. */
    record Oldest(EventToken token, Instant receivedAt) {
    }

    /**
     * Events by state; of those received in the last 24 hours, how many completed and failed; the waiting event
     * received first, if any; the events in state FAILED by reason.
     */
    record Overview(Map<EventState, Long> states, long completedLast24h, long failedLast24h, Optional<Oldest> oldestWaiting,
                    Map<FailureReason, Long> failuresByReason) {
        public Overview {
            states = Map.copyOf(states);
            failuresByReason = Map.copyOf(failuresByReason);
        }
    }
}
