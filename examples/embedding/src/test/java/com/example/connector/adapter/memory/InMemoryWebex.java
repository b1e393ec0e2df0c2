package com.example.connector.adapter.memory;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Webex Wholesale in memory, as the example's tests need it: customers provisioned at once, or on
 * {@link #finishProvisioning} for companies {@link #provisionSlowly provisioned slowly}; one location per
 * organization, every extension free; subscribers provisioned at once. Counts the creates.
 */
public final class InMemoryWebex implements WebexCustomers, WebexSubscribers, WebexLocations, WebexExtensions, WebexPeople {

    private final Map<String, WebexCustomer> customers = new HashMap<>();
    private final Map<String, WebexSubscriber> subscribers = new HashMap<>();
    private final Set<String> slow = new HashSet<>();
    private int customerCreates;
    private int subscriberCreates;

    /** The company's customer stays provisioning until {@link #finishProvisioning}. */
    public synchronized void provisionSlowly(String externalId) {
        slow.add(externalId);
    }

    public synchronized void finishProvisioning(String externalId) {
        slow.remove(externalId);
        customers.replaceAll((id, customer) -> customer.externalId().equals(externalId)
                ? new WebexCustomer(id, externalId, "org-" + id, CustomerStatus.PROVISIONED, List.of()) : customer);
    }

    public synchronized int customerCreates() {
        return customerCreates;
    }

    public synchronized int subscriberCreates() {
        return subscriberCreates;
    }

    public synchronized List<WebexSubscriber> subscribersOf(String externalId) {
        return findByExternalId(externalId).map(customer -> subscribers.values().stream()
                .filter(subscriber -> subscriber.customerId().equals(customer.id())).toList()).orElse(List.of());
    }

    @Override
    public synchronized Optional<WebexCustomer> findByExternalId(String externalId) {
        return customers.values().stream().filter(customer -> customer.externalId().equals(externalId)).findFirst();
    }

    @Override
    public synchronized String create(NewCustomer customer) {
        String id = "customer-" + ++customerCreates;
        boolean provisioned = !slow.contains(customer.externalId());
        customers.put(id, new WebexCustomer(id, customer.externalId(), provisioned ? "org-" + id : null,
                provisioned ? CustomerStatus.PROVISIONED : CustomerStatus.PROVISIONING, List.of()));
        return id;
    }

    @Override
    public synchronized WebexCustomer get(String customerId) {
        WebexCustomer customer = customers.get(customerId);
        if (customer == null) {
            throw new UpstreamException(FailureReason.ACCOUNT_NOT_FOUND, "no customer " + customerId);
        }
        return customer;
    }

    @Override
    public synchronized void validate(String customerId, String email, WebexPackage webexPackage) {
        if (subscribers.values().stream().anyMatch(subscriber -> subscriber.email().equalsIgnoreCase(email))) {
            throw new UpstreamException(FailureReason.USER_ALREADY_EXISTS, email + " is a Webex user already");
        }
    }

    @Override
    public synchronized WebexSubscriber create(NewSubscriber subscriber) {
        String id = "subscriber-" + ++subscriberCreates;
        WebexSubscriber created = new WebexSubscriber(id, subscriber.customerId(), subscriber.email(),
                subscriber.webexPackage().name(), SubscriberStatus.PROVISIONED, "person-" + id);
        subscribers.put(id, created);
        return created;
    }

    @Override
    public synchronized Optional<WebexSubscriber> find(String customerId, String email) {
        return subscribers.values().stream().filter(subscriber -> subscriber.customerId().equals(customerId)
                && subscriber.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public synchronized WebexSubscriber changePackage(WebexSubscriber subscriber, WebexPackage target,
                                                      Optional<CallingAssignment> calling) {
        WebexSubscriber changed = new WebexSubscriber(subscriber.id(), subscriber.customerId(), subscriber.email(),
                target.name(), SubscriberStatus.PROVISIONED, subscriber.personId());
        subscribers.put(subscriber.id(), changed);
        return changed;
    }

    @Override
    public synchronized boolean remove(String subscriberId, String email) {
        return subscribers.remove(subscriberId) != null;
    }

    @Override
    public Optional<String> locationIdFor(String orgId, PostalAddress address) {
        return Optional.of("location-of-" + orgId);
    }

    @Override
    public int maxCandidates() {
        return 100;
    }

    @Override
    public Set<String> free(String orgId, String locationId, List<String> candidates) {
        return Set.copyOf(candidates);
    }

    @Override
    public boolean removeByEmail(String orgId, String email) {
        return false;
    }

    @Override
    public boolean removeById(String personId, String email) {
        return false;
    }
}
