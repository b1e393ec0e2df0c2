package com.marketbridge.application.port.in;

import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.subscription.Subscription;
import java.util.List;
import java.util.Optional;

/** The driving port of what operators read: the journal's events and their timelines, its counts, the subscriptions. */
public interface AdminQueries {

    /** The counts an operator looks at first, as of now: events by state, the last 24 hours, the oldest waiting. */
    EventQueries.Overview overview();

    /** A page of the events that pass {@code filter}, newest received first, with the cursor of the next page if any. */
    EventQueries.Page events(EventQueries.Filter filter);

    /** The event with its timeline, oldest entry first; empty if the journal has no event with that token. */
    Optional<EventQueries.History> event(EventToken token);

    /** The subscriptions of the companies whose uuid is {@code company} or whose name contains it (any case); all if null. */
    List<Subscription> subscriptions(String company);
}
