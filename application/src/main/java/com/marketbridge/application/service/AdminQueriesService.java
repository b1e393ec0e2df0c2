package com.marketbridge.application.service;

import com.marketbridge.application.port.in.AdminQueries;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.subscription.Subscription;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Reads what operators look at from the journal and the subscriptions. */
public final class AdminQueriesService implements AdminQueries {

    private final EventQueries events;
    private final Subscriptions subscriptions;
    private final Clock clock;

    public AdminQueriesService(EventQueries events, Subscriptions subscriptions, Clock clock) {
        this.events = events;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override
    public EventQueries.Overview overview() {
        return events.overview(clock.instant());
    }

    @Override
    public EventQueries.Page events(EventQueries.Filter filter) {
        return events.events(filter);
    }

    @Override
    public Optional<EventQueries.History> event(EventToken token) {
        return events.history(token);
    }

    @Override
    public List<Subscription> subscriptions(String company) {
        return subscriptions.ofCompany(company);
    }
}
