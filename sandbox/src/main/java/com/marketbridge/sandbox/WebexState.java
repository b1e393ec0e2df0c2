package com.marketbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the simulated Webex holds, in memory: wholesale customers (provisioning for a while after they are
 * created), their organization's calling location, subscribers, the people behind them and their extensions.
 * Each operation takes and answers the wire shapes of the contract (webex-wholesale.md) as maps, or throws a
 * {@link WebexRefusal}.
 */
final class WebexState {

    /** The packages that carry calling, whose subscribers need an extension at a location. */
    private static final Set<String> CALLING_PACKAGES =
            Set.of("webex_calling", "webex_suite", "webex_voice", "webex_calling_standard", "cx_essentials");
    private static final int USER_EXISTS = 10022;
    private static final int EXTENSION_TAKEN = 9495;

    private final Schedule schedule;
    private final Duration provisioning;
    private final WebexFaults faults;
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, Location> locations = new LinkedHashMap<>();
    private final Map<String, Subscriber> subscribers = new LinkedHashMap<>();
    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Integer> lastIds = new HashMap<>();

    /** A new customer reads as provisioning for {@code provisioning}, after which {@code schedule} provisions it. */
    WebexState(Schedule schedule, Duration provisioning, WebexFaults faults) {
        this.schedule = schedule;
        this.provisioning = provisioning;
        this.faults = faults;
    }

    private static final class Customer {
        final String id;
        final String externalId;
        final String name;
        final List<String> packages;
        final JsonNode address;
        final JsonNode callingLocation;
        String status = "provisioning";
        String orgId;

        Customer(String id, String externalId, String name, List<String> packages, JsonNode address, JsonNode callingLocation) {
            this.id = id;
            this.externalId = externalId;
            this.name = name;
            this.packages = packages;
            this.address = address;
            this.callingLocation = callingLocation;
        }
    }

    private record Location(String id, String orgId, String name, JsonNode address) {
    }

    private static final class Subscriber {
        final String id;
        final String customerId;
        final String email;
        final String personId;
        final Instant created = Instant.now();
        String webexPackage;
        Instant lastStatusChange = created;

        Subscriber(String id, String customerId, String email, String personId, String webexPackage) {
            this.id = id;
            this.customerId = customerId;
            this.email = email;
            this.personId = personId;
            this.webexPackage = webexPackage;
        }
    }

    private static final class Person {
        final String id;
        final String orgId;
        final String email;
        final String firstName;
        final String lastName;
        String locationId;
        String extension;

        Person(String id, String orgId, String email, String firstName, String lastName) {
            this.id = id;
            this.orgId = orgId;
            this.email = email;
            this.firstName = firstName;
            this.lastName = lastName;
        }
    }

    // ---- customers

    /** {@code POST /wholesale/customers}: the new customer's id; it is provisioned later, on the schedule. */
    synchronized String createCustomer(JsonNode body) {
        String externalId = required(body, "externalId");
        required(body, "provisioningId");
        List<String> packages = strings(body.path("packages"), "packages");
        JsonNode address = body.path("address");
        for (String field : List.of("addressLine1", "city", "country")) {
            if (Json.text(address, field) == null) {
                throw new WebexRefusal(400, "address." + field + " is required");
            }
        }
        String name = required(body.path("customerInfo"), "name", "customerInfo.name");
        required(body.path("customerInfo"), "primaryEmail", "customerInfo.primaryEmail");
        boolean calling = packages.stream().anyMatch(CALLING_PACKAGES::contains);
        JsonNode callingLocation = body.path("provisioningParameters").path("calling").path("location");
        if (calling && Json.text(callingLocation, "name") == null) {
            throw new WebexRefusal(400, "provisioningParameters.calling.location is required for calling packages");
        }
        if (customers.values().stream().anyMatch(customer -> customer.externalId.equals(externalId))) {
            throw new WebexRefusal(409, "A customer with externalId " + externalId + " already exists");
        }
        Customer customer = new Customer(nextId("CUST"), externalId, name, packages, address, callingLocation);
        customers.put(customer.id, customer);
        schedule.after(provisioning, () -> provision(customer.id));
        return customer.id;
    }

    /** The organization is made, with its first location: the template's calling location, else at the address. */
    synchronized void provision(String customerId) {
        Customer customer = customers.get(customerId);
        customer.status = "provisioned";
        customer.orgId = nextId("ORG");
        boolean atCallingLocation = !customer.callingLocation.isMissingNode();
        String locationName = atCallingLocation ? Json.text(customer.callingLocation, "name") : customer.name;
        Location location = new Location(nextId("LOC"), customer.orgId, locationName,
                atCallingLocation ? customer.callingLocation.path("address") : customer.address);
        locations.put(location.id, location);
    }

    synchronized List<Map<String, Object>> customersWithExternalId(String externalId) {
        return customers.values().stream().filter(customer -> externalId == null || customer.externalId.equals(externalId))
                .map(WebexState::wire).toList();
    }

    synchronized Map<String, Object> customer(String customerId) {
        return wire(customer(customerId, 404));
    }

    // ---- subscribers

    /** {@code POST /wholesale/subscribers/validate}: passes unless the email is a subscriber already. */
    synchronized Map<String, Object> precheck(JsonNode body) {
        String email = required(body, "email");
        webexPackage(body);
        if (body.hasNonNull("customerId")) {
            customer(body.get("customerId").asText(), 404);
        }
        refuseExisting(email);
        return Map.of("message", "success",
                "info", List.of(Map.of("infoCode", 100, "description", "Provisioning precheck validation successful.")));
    }

    /** {@code POST /wholesale/subscribers}: a provisioned subscriber and the person behind it. */
    synchronized Map<String, Object> createSubscriber(JsonNode body) {
        Customer customer = customer(required(body, "customerId"), 404);
        String email = required(body, "email");
        String webexPackage = webexPackage(body);
        if (!customer.status.equals("provisioned")) {
            throw new WebexRefusal(400, "Customer " + customer.id + " is " + customer.status + "; subscribers can be added once it is provisioned");
        }
        if (faults.refuses(email)) {
            throw new WebexRefusal(400, "The subscriber " + email + " cannot be provisioned: the partner's Webex for"
                    + " Wholesale agreement does not cover this user (sandbox fault)", 10035);
        }
        refuseExisting(email);
        JsonNode parameters = body.path("provisioningParameters");
        Person person = people.values().stream()
                .filter(candidate -> candidate.orgId.equals(customer.orgId) && candidate.email.equalsIgnoreCase(email))
                .findFirst()
                .orElseGet(() -> new Person(nextId("PERSON"), customer.orgId, email, Json.text(parameters, "firstName"),
                        Json.text(parameters, "lastName")));
        if (CALLING_PACKAGES.contains(webexPackage)) {
            assignExtension(person, parameters);
        }
        people.put(person.id, person);
        Subscriber subscriber = new Subscriber(nextId("SUB"), customer.id, email, person.id, webexPackage);
        subscribers.put(subscriber.id, subscriber);
        return wire(subscriber);
    }

    synchronized List<Map<String, Object>> subscribers(String customerId, String email) {
        return subscribers.values().stream()
                .filter(subscriber -> customerId == null || subscriber.customerId.equals(customerId))
                .filter(subscriber -> email == null || subscriber.email.equalsIgnoreCase(email))
                .map(this::wire).toList();
    }

    /** {@code PUT /wholesale/subscribers/{id}}: a user newly on a calling package gets the extension asked for. */
    synchronized Map<String, Object> changeSubscriber(String subscriberId, JsonNode body) {
        Subscriber subscriber = subscriber(subscriberId);
        String webexPackage = webexPackage(body);
        Person person = people.get(subscriber.personId);
        if (CALLING_PACKAGES.contains(webexPackage) && person.extension == null) {
            assignExtension(person, body.path("provisioningParameters"));
        } else if (!CALLING_PACKAGES.contains(webexPackage)) {
            person.extension = null;
            person.locationId = null;
        }
        subscriber.webexPackage = webexPackage;
        subscriber.lastStatusChange = Instant.now();
        return wire(subscriber);
    }

    /** {@code DELETE /wholesale/subscribers/{id}}: the person stays, with its extension, until it is deleted too. */
    synchronized void removeSubscriber(String subscriberId) {
        subscribers.remove(subscriber(subscriberId).id);
    }

    // ---- locations, extensions, people

    synchronized List<Map<String, Object>> locations(String orgId) {
        return locations.values().stream().filter(location -> orgId == null || location.orgId.equals(orgId))
                .map(WebexState::wire).toList();
    }

    /** {@code validateExtensions}: {@code OK} when every candidate is free at the location, else a state per candidate. */
    synchronized Map<String, Object> validateExtensions(String locationId, JsonNode body) {
        Location location = Optional.ofNullable(locations.get(locationId))
                .orElseThrow(() -> new WebexRefusal(404, "Location " + locationId + " not found"));
        List<String> candidates = strings(body.path("extensions"), "extensions");
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> states = new ArrayList<>();
        for (String extension : candidates) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("extension", extension);
            if (!extension.matches("\\d{2,10}")) {
                state.put("state", "INVALID");
                state.put("errorCode", 4910);
                state.put("message", "[Error 4910] Extension must be 2 to 10 digits.");
            } else if (!seen.add(extension)) {
                state.put("state", "DUPLICATE_IN_LIST");
                state.put("errorCode", 9498);
            } else if (taken(location.id, extension)) {
                state.put("state", "DUPLICATE");
                state.put("errorCode", EXTENSION_TAKEN);
                state.put("message", "[Error 9495] Extension already in use.");
            } else {
                state.put("state", "VALID");
            }
            states.add(state);
        }
        boolean allValid = states.stream().allMatch(state -> state.get("state").equals("VALID"));
        return Map.of("status", allValid ? "OK" : "ERRORS", "extensionStatus", states);
    }

    synchronized List<Map<String, Object>> people(String email, String orgId) {
        return people.values().stream()
                .filter(person -> email == null || person.email.equalsIgnoreCase(email))
                .filter(person -> orgId == null || person.orgId.equals(orgId))
                .map(WebexState::wire).toList();
    }

    /** {@code DELETE /people/{id}}: the person's extension is free again. */
    synchronized void removePerson(String personId) {
        if (people.remove(personId) == null) {
            throw new WebexRefusal(404, "Person " + personId + " not found");
        }
    }

    /** Everything held, for {@code GET /sandbox/webex/state}. */
    synchronized Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("customers", customersWithExternalId(null));
        state.put("locations", locations(null));
        state.put("subscribers", subscribers(null, null));
        state.put("people", people(null, null));
        return state;
    }

    // ---- rules shared by the operations

    private void assignExtension(Person person, JsonNode parameters) {
        String extension = Json.text(parameters, "extension");
        String locationId = Json.text(parameters, "locationId");
        if (extension == null || locationId == null) {
            throw new WebexRefusal(400, "A calling package needs provisioningParameters.extension and locationId");
        }
        Location location = locations.get(locationId);
        if (location == null || !location.orgId.equals(person.orgId)) {
            throw new WebexRefusal(404, "Location " + locationId + " not found in organization " + person.orgId);
        }
        if (taken(locationId, extension)) {
            throw new WebexRefusal(409, "[Error 9495] Extension " + extension + " is already in use at location "
                    + locationId, EXTENSION_TAKEN);
        }
        person.extension = extension;
        person.locationId = locationId;
    }

    private boolean taken(String locationId, String extension) {
        return faults.extensionTaken(extension) || people.values().stream()
                .anyMatch(person -> locationId.equals(person.locationId) && extension.equals(person.extension));
    }

    private void refuseExisting(String email) {
        if (subscribers.values().stream().anyMatch(subscriber -> subscriber.email.equalsIgnoreCase(email))) {
            throw new WebexRefusal(409, "User " + email + " already exists", USER_EXISTS);
        }
    }

    private Customer customer(String customerId, int statusIfUnknown) {
        return Optional.ofNullable(customers.get(customerId))
                .orElseThrow(() -> new WebexRefusal(statusIfUnknown, "Customer " + customerId + " not found"));
    }

    private Subscriber subscriber(String subscriberId) {
        return Optional.ofNullable(subscribers.get(subscriberId))
                .orElseThrow(() -> new WebexRefusal(404, "Subscriber " + subscriberId + " not found"));
    }

    /** The one package of {@code packages} or of the deprecated {@code package}; both at once is invalid. */
    private static String webexPackage(JsonNode body) {
        boolean list = body.has("packages");
        if (list == body.has("package")) {
            throw new WebexRefusal(400, "Exactly one of packages and package is required");
        }
        List<String> packages = list ? strings(body.get("packages"), "packages") : List.of(required(body, "package"));
        if (packages.size() != 1) {
            throw new WebexRefusal(400, "packages must hold exactly one package");
        }
        return packages.get(0);
    }

    private static List<String> strings(JsonNode array, String field) {
        if (!array.isArray() || array.isEmpty()) {
            throw new WebexRefusal(400, field + " must be a non-empty list");
        }
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static String required(JsonNode body, String field) {
        return required(body, field, field);
    }

    private static String required(JsonNode body, String field, String name) {
        String value = Json.text(body, field);
        if (value == null) {
            throw new WebexRefusal(400, name + " is required");
        }
        return value;
    }

    /** {@code CUST-1}, {@code SUB-2}: readable in the sandbox's lines, and as opaque to the connector as Webex's. */
    private String nextId(String kind) {
        return kind + "-" + lastIds.merge(kind, 1, Integer::sum);
    }

    // ---- wire shapes

    private static Map<String, Object> wire(Customer customer) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("id", customer.id);
        if (customer.orgId != null) {
            wire.put("orgId", customer.orgId);
        }
        wire.put("externalId", customer.externalId);
        wire.put("address", customer.address);
        wire.put("status", customer.status);
        wire.put("packages", customer.packages);
        wire.put("resourceDetails", Map.of("packages", customer.packages.stream()
                .map(name -> Map.of("name", name, "status", customer.status)).toList()));
        wire.put("errors", List.of());
        return wire;
    }

    private static Map<String, Object> wire(Location location) {
        JsonNode address = location.address;
        Map<String, Object> wireAddress = new LinkedHashMap<>();
        wireAddress.put("address1", Json.text(address, "addressLine1"));
        wireAddress.put("city", Json.text(address, "city"));
        wireAddress.put("state", Json.text(address, "stateOrProvince"));
        wireAddress.put("postalCode", Json.text(address, "zipOrPostalCode"));
        wireAddress.put("country", Json.text(address, "country"));
        wireAddress.values().removeIf(Objects::isNull);
        return Map.of("id", location.id, "name", location.name, "orgId", location.orgId, "address", wireAddress);
    }

    private Map<String, Object> wire(Subscriber subscriber) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("id", subscriber.id);
        wire.put("personId", subscriber.personId);
        wire.put("email", subscriber.email);
        wire.put("customerId", subscriber.customerId);
        wire.put("externalCustomerId", customers.get(subscriber.customerId).externalId);
        wire.put("package", subscriber.webexPackage);
        wire.put("packages", List.of(subscriber.webexPackage));
        wire.put("status", "provisioned");
        wire.put("created", subscriber.created.toString());
        wire.put("lastStatusChange", subscriber.lastStatusChange.toString());
        return wire;
    }

    private static Map<String, Object> wire(Person person) {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("id", person.id);
        wire.put("emails", List.of(person.email));
        wire.put("firstName", person.firstName);
        wire.put("lastName", person.lastName);
        wire.put("orgId", person.orgId);
        wire.put("locationId", person.locationId);
        wire.put("extension", person.extension);
        wire.values().removeIf(Objects::isNull);
        return wire;
    }
}
