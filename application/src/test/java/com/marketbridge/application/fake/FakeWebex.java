package com.marketbridge.application.fake;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import com.marketbridge.application.service.fulfilment.Webex;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An in-memory Webex Wholesale organization tree behind every Webex port, recording each call in a {@link CallLog}.
 *
 * <p>Ids are derived for readable logs: company {@code c1} has customer {@code wx-c1} and organization
 * {@code org-c1}. Each read of a customer reports the next status of its script, the last one repeating;
 * its organization id is known only while it is {@code provisioned}, as Webex documents. Creating a
 * subscriber creates its Webex person; precheck and create refuse an email any organization has a person for.
 * Emails match whatever their case, as at Webex. {@code WebexPortsContract} holds it to what the real adapter does.
 */
public final class FakeWebex implements WebexCustomers, WebexSubscribers, WebexLocations, WebexExtensions, WebexPeople {

    private final CallLog log;
    private final Map<String, Customer> customersById = new LinkedHashMap<>();
    private final List<NewCustomer> createdCustomers = new ArrayList<>();
    private final Map<String, WebexSubscriber> subscribers = new LinkedHashMap<>();
    private final Map<String, List<Location>> locationsByOrg = new LinkedHashMap<>();
    private final Map<String, Set<String>> usedExtensionsByLocation = new LinkedHashMap<>();
    /** The person id of each email of each organization. */
    private final Map<String, String> people = new HashMap<>();
    private CustomerStatus[] newCustomerStatuses = {CustomerStatus.PROVISIONED};
    private SubscriberStatus newSubscriberStatus = SubscriberStatus.PROVISIONED;
    private final Map<String, Set<String>> takenAfterTheCheck = new HashMap<>();
    private final Set<String> answersToLose = new HashSet<>();
    private final Map<String, CallingAssignment> callingBySubscriber = new HashMap<>();
    private int maxCandidates = 100;
    private int subscriberCount;
    private int personCount;

    public FakeWebex(CallLog log) {
        this.log = log;
    }

    /** All five ports, as the services take them. */
    public synchronized Webex ports() {
        return new Webex(this, this, this, this, this);
    }

    // ---- arranging ------------------------------------------------------------------------------------------

    /** An existing customer of company {@code externalId} whose reads report {@code statusPerRead}; returns its id. */
    public synchronized String addCustomer(String externalId, CustomerStatus... statusPerRead) {
        Customer customer = new Customer(externalId, script(statusPerRead));
        customersById.put(customer.id, customer);
        return customer.id;
    }

    /** The errors Webex reports for the customer of {@code externalId} from its last background attempt. */
    public synchronized FakeWebex customerErrors(String externalId, String... errors) {
        customersById.get(customerId(externalId)).errors = List.of(errors);
        return this;
    }

    /** What the reads of customers created from now on report; {@code provisioned} at once unless told otherwise. */
    public synchronized FakeWebex provisionNewCustomersAs(CustomerStatus... statusPerRead) {
        newCustomerStatuses = script(statusPerRead).toArray(CustomerStatus[]::new);
        return this;
    }

    public synchronized FakeWebex addLocation(String orgId, String locationId) {
        return addLocation(orgId, locationId, null);
    }

    /** A location at {@code address}, which {@link #locationIdFor} prefers over the organization's first. */
    public synchronized FakeWebex addLocation(String orgId, String locationId, PostalAddress address) {
        locationsByOrg.computeIfAbsent(orgId, org -> new ArrayList<>()).add(new Location(locationId, address));
        return this;
    }

    /**
     * The extension is taken at the location just after the connector's next {@link #free} check: that check still
     * reports it free, and the create that uses it is refused as taken.
     */
    public synchronized FakeWebex takeExtensionAfterTheCheck(String locationId, String extension) {
        takenAfterTheCheck.computeIfAbsent(locationId, location -> new HashSet<>()).add(extension);
        return this;
    }

    /** How many candidates one {@link #free} call takes; 100 unless told otherwise. */
    public synchronized FakeWebex maxCandidates(int max) {
        maxCandidates = max;
        return this;
    }

    public synchronized FakeWebex takeExtension(String locationId, String extension) {
        usedExtensionsByLocation.computeIfAbsent(locationId, location -> new HashSet<>()).add(extension);
        return this;
    }

    /** An existing subscriber (and its person) of the customer; returns it. */
    public synchronized WebexSubscriber addSubscriber(String customerId, String email, String packageName, SubscriberStatus status) {
        String personId = people.computeIfAbsent(key(orgIdOf(customerId), email), person -> "person-" + ++personCount);
        // Webex names the person once the subscriber is provisioned
        WebexSubscriber subscriber = new WebexSubscriber("sub-" + ++subscriberCount, customerId, email, packageName, status,
                status == SubscriberStatus.PROVISIONED ? personId : null);
        subscribers.put(key(customerId, email), subscriber);
        return subscriber;
    }

    /** A Webex user of some organization, e.g. a free account, without a wholesale subscription. */
    public synchronized FakeWebex addPerson(String orgId, String email) {
        people.put(key(orgId, email), "person-" + ++personCount);
        return this;
    }

    /**
     * The next call of {@code operation} ({@code "customers.create"} or {@code "subscribers.create"}) is done, but
     * its answer is lost: it fails as unavailable, as the adapter reports a lost answer its lookup could not settle.
     */
    public synchronized FakeWebex loseTheAnswerToTheNext(String operation) {
        answersToLose.add(operation);
        return this;
    }

    /** The status subscribers created from now on get; {@code provisioned} unless told otherwise. */
    public synchronized FakeWebex createSubscribersAs(SubscriberStatus status) {
        newSubscriberStatus = status;
        return this;
    }

    // ---- inspecting (not recorded) ---------------------------------------------------------------------------

    public static String customerId(String externalId) {
        return "wx-" + externalId;
    }

    public static String orgId(String externalId) {
        return "org-" + externalId;
    }

    public synchronized List<NewCustomer> createdCustomers() {
        return List.copyOf(createdCustomers);
    }

    public synchronized Optional<WebexSubscriber> subscriber(String customerId, String email) {
        return Optional.ofNullable(subscribers.get(key(customerId, email)));
    }

    public synchronized boolean hasPerson(String orgId, String email) {
        return people.containsKey(key(orgId, email));
    }

    // ---- WebexCustomers --------------------------------------------------------------------------------------

    @Override
    public Optional<WebexCustomer> findByExternalId(String externalId) {
        log.record("customers.findByExternalId", externalId);
        synchronized (this) {
            return Optional.ofNullable(customersById.get(customerId(externalId))).map(Customer::read);
        }
    }

    @Override
    public String create(NewCustomer customer) {
        log.record("customers.create", customer.externalId(), "calling=" + customer.callingLocation());
        synchronized (this) {
            if (customersById.containsKey(customerId(customer.externalId()))) {
                throw new UpstreamException(FailureReason.UPSTREAM_REJECTED,
                        "A customer with externalId " + customer.externalId() + " already exists", "fake-tracking");
            }
            createdCustomers.add(customer);
            if (customer.callingLocation()) {
                addLocation(orgId(customer.externalId()), "loc-" + customer.externalId(), customer.template().address());
            }
            return answered("customers.create", addCustomer(customer.externalId(), newCustomerStatuses));
        }
    }

    @Override
    public WebexCustomer get(String customerId) {
        log.record("customers.get", customerId);
        synchronized (this) {
            Customer customer = customersById.get(customerId);
            if (customer == null) {
                throw new UpstreamException(FailureReason.ACCOUNT_NOT_FOUND, "No Webex customer " + customerId, "fake-tracking");
            }
            return customer.read();
        }
    }

    // ---- WebexSubscribers ------------------------------------------------------------------------------------

    @Override
    public void validate(String customerId, String email, WebexPackage webexPackage) {
        log.record("subscribers.validate", customerId, email, webexPackage);
        synchronized (this) {
            refuseExistingPerson(email, orgIdOf(customerId));
        }
    }

    @Override
    public WebexSubscriber create(NewSubscriber subscriber) {
        log.record("subscribers.create", subscriber.customerId(), subscriber.email(), subscriber.webexPackage()
                + describe(subscriber.optionalCalling()));
        synchronized (this) {
            refuseExistingPerson(subscriber.email(), orgIdOf(subscriber.customerId()));
            subscriber.optionalCalling().ifPresent(this::refuseTakenExtension);
            WebexSubscriber created = addSubscriber(subscriber.customerId(), subscriber.email(),
                    subscriber.webexPackage().name(), newSubscriberStatus);
            subscriber.optionalCalling().ifPresent(calling -> giveExtension(created, calling));
            return answered("subscribers.create", created);
        }
    }

    @Override
    public Optional<WebexSubscriber> find(String customerId, String email) {
        log.record("subscribers.find", customerId, email);
        synchronized (this) {
            return subscriber(customerId, email);
        }
    }

    @Override
    public WebexSubscriber changePackage(WebexSubscriber subscriber, WebexPackage target, Optional<CallingAssignment> calling) {
        log.record("subscribers.changePackage", subscriber.customerId(), subscriber.email(), target + describe(calling));
        synchronized (this) {
            String key = key(subscriber.customerId(), subscriber.email());
            WebexSubscriber current = subscribers.get(key);
            if (current == null) {
                throw new UpstreamException(FailureReason.USER_NOT_FOUND, "No subscriber " + subscriber.email(), "fake-tracking");
            }
            calling.ifPresent(this::refuseTakenExtension);
            calling.ifPresent(assignment -> giveExtension(current, assignment));
            WebexSubscriber changed = new WebexSubscriber(current.id(), current.customerId(), current.email(), target.name(),
                    current.status(), current.personId());
            subscribers.put(key, changed);
            return changed;
        }
    }

    /** False when there is no subscriber with the id, as the adapter treats Webex's 404; the calling user's extension is freed. */
    @Override
    public boolean remove(String subscriberId, String email) {
        log.record("subscribers.remove", subscriberId, email);
        synchronized (this) {
            boolean removed = subscribers.values().removeIf(subscriber -> subscriber.id().equals(subscriberId));
            Optional.ofNullable(callingBySubscriber.remove(subscriberId))
                    .ifPresent(calling -> usedExtensionsByLocation.get(calling.locationId()).remove(calling.extension()));
            return removed;
        }
    }

    // ---- WebexLocations, WebexExtensions, WebexPeople --------------------------------------------------------

    @Override
    public Optional<String> locationIdFor(String orgId, PostalAddress address) {
        log.record("locations.locationIdFor", orgId);
        synchronized (this) {
            List<Location> locations = locationsByOrg.getOrDefault(orgId, List.of());
            return locations.stream().filter(location -> location.isAt(address)).findFirst()
                    .or(() -> locations.stream().findFirst())
                    .map(Location::id);
        }
    }

    @Override
    public synchronized int maxCandidates() {
        return maxCandidates;
    }

    /**
     * Refuses more candidates than it takes, or one twice, as Webex would not answer them one by one; a refused call
     * is not recorded, as the adapter refuses it without calling Webex.
     */
    @Override
    public Set<String> free(String orgId, String locationId, List<String> candidates) {
        synchronized (this) {
            if (candidates.size() > maxCandidates || Set.copyOf(candidates).size() != candidates.size()) {
                throw new IllegalArgumentException("at most " + maxCandidates + " distinct candidates, got " + candidates);
            }
        }
        log.record("extensions.free", orgId, locationId);
        synchronized (this) {
            Set<String> used = usedExtensionsByLocation.getOrDefault(locationId, Set.of());
            return candidates.stream().filter(candidate -> !used.contains(candidate)).collect(Collectors.toSet());
        }
    }

    @Override
    public boolean removeByEmail(String orgId, String email) {
        log.record("people.removeByEmail", orgId, email);
        synchronized (this) {
            return people.remove(key(orgId, email)) != null;
        }
    }

    @Override
    public boolean removeById(String personId, String email) {
        log.record("people.removeById", personId, email);
        synchronized (this) {
            return people.values().remove(personId);
        }
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private <T> T answered(String operation, T answer) {
        if (answersToLose.remove(operation)) {
            throw new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE,
                    "Webex could not " + operation + " after 4 attempts: the answer was cut off", "fake-tracking");
        }
        return answer;
    }

    /**
     * A person elsewhere, or any subscriber, already owns the email. A person of the customer's own
     * organization without a subscriber (one whose subscription was suspended) may be subscribed again.
     */
    private void refuseExistingPerson(String email, String orgId) {
        String own = key(orgId, email);
        String anyScope = "|" + own.substring(own.indexOf('|') + 1);
        boolean elsewhere = people.keySet().stream().anyMatch(person -> person.endsWith(anyScope) && !person.equals(own));
        boolean subscribed = subscribers.keySet().stream().anyMatch(subscriber -> subscriber.endsWith(anyScope));
        if (elsewhere || subscribed) {
            throw new UpstreamException(FailureReason.USER_ALREADY_EXISTS,
                    "The email " + email + " already belongs to a Webex user", "fake-tracking");
        }
    }

    /** Webex's answer to a subscriber whose extension something else uses at the location (error 9495). */
    private void refuseTakenExtension(CallingAssignment calling) {
        if (takenAfterTheCheck.getOrDefault(calling.locationId(), new HashSet<>()).remove(calling.extension())) {
            takeExtension(calling.locationId(), calling.extension());
        }
        if (usedExtensionsByLocation.getOrDefault(calling.locationId(), Set.of()).contains(calling.extension())) {
            throw new UpstreamException(FailureReason.EXTENSION_TAKEN, "[Error 9495] Extension " + calling.extension()
                    + " is already in use at " + calling.locationId(), "fake-tracking");
        }
    }

    private void giveExtension(WebexSubscriber subscriber, CallingAssignment calling) {
        takeExtension(calling.locationId(), calling.extension());
        callingBySubscriber.put(subscriber.id(), calling);
    }

    private String orgIdOf(String customerId) {
        Customer customer = customersById.get(customerId);
        return customer == null ? "org-of-" + customerId : orgId(customer.externalId);
    }

    private static String describe(Optional<CallingAssignment> calling) {
        return calling.map(c -> " ext=" + c.extension() + " loc=" + c.locationId()).orElse("");
    }

    /** Webex matches emails whatever their case. */
    private static String key(String scope, String email) {
        return scope + "|" + email.toLowerCase(Locale.ROOT);
    }

    /** Checks the script against the lifecycle, so a fake never reports a move Webex could not make. */
    private static List<CustomerStatus> script(CustomerStatus... statuses) {
        if (statuses.length == 0) {
            throw new IllegalArgumentException("a customer needs at least one status");
        }
        for (int i = 1; i < statuses.length; i++) {
            if (!statuses[i - 1].canMoveTo(statuses[i])) {
                throw new IllegalArgumentException("a customer cannot move from " + statuses[i - 1] + " to " + statuses[i]);
            }
        }
        return Arrays.asList(statuses);
    }

    /** A location and, unless arranged without one, its address. */
    private record Location(String id, PostalAddress address) {

        /** As the adapter matches: street, city and zip, ignoring case and spacing. */
        boolean isAt(PostalAddress other) {
            return address != null && same(address.line1(), other.line1()) && same(address.city(), other.city())
                    && same(address.zip(), other.zip());
        }

        private static boolean same(String one, String other) {
            return normalized(one).equals(normalized(other));
        }

        private static String normalized(String value) {
            return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }
    }

    private final class Customer {
        private final String id;
        private final String externalId;
        private final Deque<CustomerStatus> statusPerRead;
        private List<String> errors = List.of();

        Customer(String externalId, List<CustomerStatus> statusPerRead) {
            this.id = customerId(externalId);
            this.externalId = externalId;
            this.statusPerRead = new ArrayDeque<>(statusPerRead);
        }

        WebexCustomer read() {
            CustomerStatus status = statusPerRead.size() > 1 ? statusPerRead.poll() : statusPerRead.peek();
            String org = status == CustomerStatus.PROVISIONED ? orgId(externalId) : null;
            return new WebexCustomer(id, externalId, org, status, errors);
        }
    }
}
