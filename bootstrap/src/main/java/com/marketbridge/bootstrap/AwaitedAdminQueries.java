package com.marketbridge.bootstrap;

import com.marketbridge.application.port.in.AdminQueries;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.subscription.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The admin queries once the store has opened: the HTTP server starts beside the store, and a call waits for it. */
final class AwaitedAdminQueries implements AdminQueries {

    private final CompletableFuture<AdminQueries> queries;

    AwaitedAdminQueries(CompletableFuture<AdminQueries> queries) {
        this.queries = queries;
    }

    @Override
    public EventQueries.Overview overview() {
        return queries.join().overview();
    }

    @Override
    public EventQueries.Page events(EventQueries.Filter filter) {
        return queries.join().events(filter);
    }

    @Override
    public Optional<EventQueries.History> event(EventToken token) {
        return queries.join().event(token);
    }

    @Override
    public List<Subscription> subscriptions(String company) {
        return queries.join().subscriptions(company);
    }
}
