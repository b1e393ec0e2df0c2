package com.marketbridge.adapter.webex;

import com.marketbridge.adapter.webex.WebexCalls.Subject;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.application.port.out.WebexSubscribers;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.Optional;

/** Wholesale subscribers over {@code /wholesale/subscribers}. */
final class WebexSubscribersAdapter implements WebexSubscribers {

    private final WebexApi api;
    private final WebexCalls calls;
    private final NextLinks links;

    WebexSubscribersAdapter(WebexApi api, WebexCalls calls, NextLinks links) {
        this.api = api;
        this.calls = calls;
        this.links = links;
    }

    @Override
    public void validate(String customerId, String email, WebexPackage webexPackage) {
        PrecheckDto precheck = calls.call("precheck subscriber " + email, Subject.PRECHECK,
                () -> api.validateSubscriber(SubscriberMapper.toPrecheck(customerId, email, webexPackage)));
        if (!WebexAssumptions.PRECHECK_PASSED.equalsIgnoreCase(precheck.message())) {
            String info = SubscriberMapper.infoOf(precheck);
            throw new UpstreamException(FailureReason.UPSTREAM_REJECTED, "Webex's precheck refused " + email + ": "
                    + precheck.message() + (info.isEmpty() ? "" : " (" + info + ")"));
        }
    }

    @Override
    public WebexSubscriber create(NewSubscriber subscriber) {
        NewSubscriberDto body = SubscriberMapper.toDto(subscriber);
        return calls.checked("create subscriber " + subscriber.email(), Subject.SUBSCRIBER,
                () -> SubscriberMapper.created(api.createSubscriber(body), subscriber),
                () -> find(subscriber.customerId(), subscriber.email()));
    }

    /** Matches the email on our side too (case-insensitively), and reads on through every page. */
    @Override
    public Optional<WebexSubscriber> find(String customerId, String email) {
        return Page.all(links, "list subscribers",
                        () -> calls.call("list subscribers", Subject.SUBSCRIBER, () -> api.subscribers(customerId, email)),
                        next -> calls.call("list subscribers", Subject.SUBSCRIBER, () -> api.subscribers(next)))
                .filter(subscriber -> email.equalsIgnoreCase(subscriber.email()))
                .findFirst()
                .map(dto -> SubscriberMapper.toDomain(dto, customerId, email, ""));
    }

    /** After a lost answer the subscriber is looked up: one with the target package already is changed. */
    @Override
    public WebexSubscriber changePackage(WebexSubscriber subscriber, WebexPackage target,
                                         Optional<CallingAssignment> calling) {
        PackageChangeDto change = SubscriberMapper.toChange(target, calling);
        return calls.checked("change the package of " + subscriber.email(), Subject.SUBSCRIBER,
                () -> SubscriberMapper.toDomain(api.changeSubscriber(subscriber.id(), change), subscriber.customerId(),
                        subscriber.email(), target.name()),
                () -> find(subscriber.customerId(), subscriber.email())
                        .filter(found -> found.packageName().equals(target.name())));
    }

    @Override
    public boolean remove(String subscriberId, String email) {
        return calls.delete("remove subscriber " + email, Subject.SUBSCRIBER, () -> api.removeSubscriber(subscriberId));
    }
}
