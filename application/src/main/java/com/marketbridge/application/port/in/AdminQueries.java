package com.marketbridge.application.port.in;

import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.subscription.Subscription;
import java.util.List;
import java.util.Optional;

/** The driving port of what operators read: the journal's events and their timelines, its counts, the subscriptions. */
public interface AdminQueries {

    EventQueries.Overview overview();

    EventQueries.Page events(EventQueries.Filter filter);

    Optional<EventQueries.History> event(EventToken token);

    /** The subscriptions of the companies whose uuid is {@code company} or whose name contains it (any case); all if null. */
    List<Subscription> subscriptions(String company);
}
