package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A small stateful Webex behind WireMock: wholesale customers and subscribers, locations, the extensions used at
 * each, and people, answering with the shapes of the contract notes. Customers are provisioned at once, lists fit
 * one page, and emails match whatever their case. Tests arrange it directly (no HTTP), so every request it counts
 * came from the adapter.
 */
final class WebexStandIn implements ResponseDefinitionTransformerV2 {

    static final String NAME = "webex-stand-in";

    /**
     * The most extensions one validateExtensions call may carry here. Webex documents no maximum; 100 is its usual
     * page size and the adapter's assumption, so an adapter sending more must come here with a reason.
     */
    static final int MAX_EXTENSIONS_PER_VALIDATION = 100;

    private static final Pattern GET_CUSTOMER = Pattern.compile("GET /v1/wholesale/customers/([^/]+)");
    private static final Pattern CHANGE_SUBSCRIBER = Pattern.compile("PUT /v1/wholesale/subscribers/([^/]+)");
    private static final Pattern REMOVE_SUBSCRIBER = Pattern.compile("DELETE /v1/wholesale/subscribers/([^/]+)");
    private static final Pattern VALIDATE_EXTENSIONS =
            Pattern.compile("POST /v1/telephony/config/locations/([^/]+)/actions/validateExtensions/invoke");
    private static final Pattern REMOVE_PERSON = Pattern.compile("DELETE /v1/people/([^/]+)");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Customer> customers = new LinkedHashMap<>();
    private final Map<String, Location> locations = new LinkedHashMap<>();
    private final Map<String, Set<String>> usedBySomethingElse = new LinkedHashMap<>();
    private final Map<String, Subscriber> subscribers = new LinkedHashMap<>();
    private final Map<String, Person> people = new LinkedHashMap<>();
    private int requests;
    private int lastId;
    private boolean cutOffNextAnswer;

    record Customer(String id, String externalId, String orgId, List<String> packages) {
    }

    record Location(String id, String orgId, String name, String address1, String city, String state,
                    String postalCode, String country) {
    }

    /** {@code locationId} and {@code extension} are null for a user without calling. */
    record Subscriber(String id, String customerId, String email, String packageName, String personId,
                      String locationId, String extension) {
    }

    record Person(String id, String orgId, String email) {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    // ---- arranging and inspecting -------------------------------------------------------------------------------

    synchronized Customer provisionedCustomer(String externalId, List<String> packages) {
        Customer customer = new Customer(nextId("CUST"), externalId, nextId("ORG"), List.copyOf(packages));
        customers.put(customer.id(), customer);
        return customer;
    }

    synchronized String location(String orgId, String name, String address1, String city, String state,
                                 String postalCode, String country) {
        Location location = new Location(nextId("LOC"), orgId, name, address1, city, state, postalCode, country);
        locations.put(location.id(), location);
        return location.id();
    }

    synchronized void usedBySomethingElse(String locationId, String extension) {
        usedBySomethingElse.computeIfAbsent(locationId, id -> new HashSet<>()).add(extension);
    }

    synchronized void person(String orgId, String email) {
        Person person = new Person(nextId("PERSON"), orgId, email);
        people.put(person.id(), person);
    }

    /** The requests answered so far. */
    synchronized int requests() {
        return requests;
    }

    /** The next request is done as usual, but only the first half of its answer's body is sent back. */
    synchronized void cutOffNextAnswer() {
        cutOffNextAnswer = true;
    }

    // ---- the API ------------------------------------------------------------------------------------------------

    @Override
    public synchronized ResponseDefinition transform(ServeEvent serveEvent) {
        requests++;
        ResponseDefinition answer = answer(serveEvent.getRequest());
        if (!cutOffNextAnswer) {
            return answer;
        }
        cutOffNextAnswer = false;
        String body = answer.getBody();
        return ResponseDefinitionBuilder.like(answer).withBody(body.substring(0, body.length() / 2)).build();
    }

    private ResponseDefinition answer(Request request) {
        String route = request.getMethod().getName() + " " + URI.create(request.getUrl()).getPath();
        Matcher id;
        if (route.equals("GET /v1/wholesale/customers")) {
            return ok(items(customers.values().stream()
                    .filter(customer -> customer.externalId().equals(query(request, "externalId")))
                    .map(this::customerJson)));
        } else if (route.equals("POST /v1/wholesale/customers")) {
            return createCustomer(request);
        } else if ((id = GET_CUSTOMER.matcher(route)).matches()) {
            return Optional.ofNullable(customers.get(id.group(1))).map(customer -> ok(customerJson(customer)))
                    .orElseGet(() -> error(404, null, "Customer not found."));
        } else if (route.equals("POST /v1/wholesale/subscribers/validate")) {
            JsonNode body = body(request);
            return userExists(body.path("customerId").asText(), body.path("email").asText())
                    ? error(400, 10022, "The email is already associated with an existing user.")
                    : ok(Map.of("message", "success", "info",
                            List.of(Map.of("infoCode", 100, "description", "Provisioning precheck validation successful."))));
        } else if (route.equals("POST /v1/wholesale/subscribers")) {
            return createSubscriber(body(request));
        } else if (route.equals("GET /v1/wholesale/subscribers")) {
            return ok(items(subscribers.values().stream()
                    .filter(subscriber -> subscriber.customerId().equals(query(request, "customerId")))
                    .filter(subscriber -> sameEmail(subscriber.email(), query(request, "email")))
                    .map(this::subscriberJson)));
        } else if ((id = CHANGE_SUBSCRIBER.matcher(route)).matches()) {
            return changeSubscriber(id.group(1), body(request));
        } else if ((id = REMOVE_SUBSCRIBER.matcher(route)).matches()) {
            // the calling user goes, so its extension is free again; its person stays, as the notes assume ([I])
            return subscribers.remove(id.group(1)) == null ? error(404, null, "Subscriber not found.") : noContent();
        } else if (route.equals("GET /v1/locations")) {
            return ok(items(locations.values().stream()
                    .filter(location -> location.orgId().equals(query(request, "orgId")))
                    .map(WebexStandIn::locationJson)));
        } else if ((id = VALIDATE_EXTENSIONS.matcher(route)).matches()) {
            return validateExtensions(id.group(1), body(request));
        } else if (route.equals("GET /v1/people")) {
            return ok(items(people.values().stream()
                    .filter(person -> person.orgId().equals(query(request, "orgId")))
                    .filter(person -> sameEmail(person.email(), query(request, "email")))
                    .map(person -> Map.of("id", person.id(), "emails", List.of(person.email()), "orgId", person.orgId()))));
        } else if ((id = REMOVE_PERSON.matcher(route)).matches()) {
            return people.remove(id.group(1)) == null ? error(404, null, "Person not found.") : noContent();
        }
        return error(404, null, "The stand-in has no route " + route);
    }

    /** Provisioned at once, with the calling location of the body when it names one. */
    private ResponseDefinition createCustomer(Request request) {
        JsonNode body = body(request);
        List<String> packages = new ArrayList<>();
        body.path("packages").forEach(name -> packages.add(name.asText()));
        Customer customer = provisionedCustomer(body.path("externalId").asText(), packages);
        JsonNode calling = body.path("provisioningParameters").path("calling").path("location");
        if (!calling.isMissingNode()) {
            JsonNode address = calling.path("address");
            location(customer.orgId(), calling.path("name").asText(), address.path("addressLine1").asText(),
                    address.path("city").asText(), address.path("stateOrProvince").asText(null),
                    address.path("zipOrPostalCode").asText(null), address.path("country").asText());
        }
        String url = request.getAbsoluteUrl().replaceAll("\\?.*$", "") + "/" + customer.id();
        return response(202, Map.of("url", url)).withHeader("Location", url).build();
    }

    private ResponseDefinition createSubscriber(JsonNode body) {
        Customer customer = customers.get(body.path("customerId").asText());
        String email = body.path("email").asText();
        if (customer == null) {
            return error(404, null, "Customer not found.");
        }
        if (userExists(customer.id(), email)) {
            return error(400, 10022, "The email is already associated with an existing user.");
        }
        JsonNode parameters = body.path("provisioningParameters");
        String locationId = parameters.path("locationId").asText(null);
        String extension = parameters.path("extension").asText(null);
        if (extension != null && used(locationId).contains(extension)) {
            return extensionTaken();
        }
        Person person = people.values().stream()
                .filter(existing -> existing.orgId().equals(customer.orgId()) && sameEmail(existing.email(), email))
                .findFirst().orElseGet(() -> new Person(nextId("PERSON"), customer.orgId(), email));
        people.put(person.id(), person);
        Subscriber subscriber = new Subscriber(nextId("SUB"), customer.id(), email,
                body.path("packages").path(0).asText(), person.id(), locationId, extension);
        subscribers.put(subscriber.id(), subscriber);
        return ok(subscriberJson(subscriber));
    }

    private ResponseDefinition changeSubscriber(String id, JsonNode body) {
        Subscriber current = subscribers.get(id);
        if (current == null) {
            return error(404, null, "Subscriber not found.");
        }
        JsonNode parameters = body.path("provisioningParameters");
        String locationId = parameters.path("locationId").asText(current.locationId());
        String extension = parameters.path("extension").asText(current.extension());
        if (extension != null && !extension.equals(current.extension()) && used(locationId).contains(extension)) {
            return extensionTaken();
        }
        Subscriber changed = new Subscriber(id, current.customerId(), current.email(),
                body.path("packages").path(0).asText(current.packageName()), current.personId(), locationId, extension);
        subscribers.put(id, changed);
        return ok(subscriberJson(changed));
    }

    /** {@code OK} when every candidate is free, else a state for each; a list longer than Webex takes is refused. */
    private ResponseDefinition validateExtensions(String locationId, JsonNode body) {
        if (!locations.containsKey(locationId)) {
            return error(404, null, "Location not found.");
        }
        List<String> candidates = new ArrayList<>();
        body.path("extensions").forEach(extension -> candidates.add(extension.asText()));
        if (candidates.size() > MAX_EXTENSIONS_PER_VALIDATION) {
            return error(400, null, "At most " + MAX_EXTENSIONS_PER_VALIDATION + " extensions can be validated at once.");
        }
        Set<String> used = used(locationId);
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> states = candidates.stream().map(extension -> !seen.add(extension)
                ? Map.<String, Object>of("extension", extension, "state", "DUPLICATE_IN_LIST", "errorCode", 9498,
                        "message", "[Error 9498] Extension is duplicated in the list.")
                : used.contains(extension)
                ? Map.<String, Object>of("extension", extension, "state", "DUPLICATE", "errorCode", 9495,
                        "message", "[Error 9495] Extension already in use.")
                : Map.<String, Object>of("extension", extension, "state", "VALID")).toList();
        return states.stream().allMatch(state -> state.get("state").equals("VALID"))
                ? ok(Map.of("status", "OK"))
                : ok(Map.of("status", "ERRORS", "extensionStatus", states));
    }

    // ---- Webex's rules ------------------------------------------------------------------------------------------

    /** Used at the location: by something other than a user, or by a calling subscriber there. */
    private Set<String> used(String locationId) {
        Set<String> used = new HashSet<>(usedBySomethingElse.getOrDefault(locationId, Set.of()));
        subscribers.values().stream().filter(subscriber -> locationId != null && locationId.equals(subscriber.locationId()))
                .forEach(subscriber -> used.add(subscriber.extension()));
        return used;
    }

    /** Any subscriber has the email, or a person of another organization than the customer's. */
    private boolean userExists(String customerId, String email) {
        String orgId = Optional.ofNullable(customers.get(customerId)).map(Customer::orgId).orElse(null);
        return subscribers.values().stream().anyMatch(subscriber -> sameEmail(subscriber.email(), email))
                || people.values().stream().anyMatch(person -> sameEmail(person.email(), email)
                        && !person.orgId().equals(orgId));
    }

    private static boolean sameEmail(String one, String other) {
        return other != null && one.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }

    // ---- wire shapes --------------------------------------------------------------------------------------------

    private Map<String, Object> customerJson(Customer customer) {
        return Map.of("id", customer.id(), "orgId", customer.orgId(), "externalId", customer.externalId(),
                "status", "provisioned", "packages", customer.packages(), "errors", List.of());
    }

    private Map<String, Object> subscriberJson(Subscriber subscriber) {
        Customer customer = customers.get(subscriber.customerId());
        return Map.of("id", subscriber.id(), "personId", subscriber.personId(), "email", subscriber.email(),
                "customerId", subscriber.customerId(), "externalCustomerId", customer.externalId(),
                "packages", List.of(subscriber.packageName()), "status", "provisioned");
    }

    private static Map<String, Object> locationJson(Location location) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("address1", location.address1());
        address.put("city", location.city());
        Optional.ofNullable(location.state()).ifPresent(state -> address.put("state", state));
        Optional.ofNullable(location.postalCode()).ifPresent(code -> address.put("postalCode", code));
        address.put("country", location.country());
        return Map.of("id", location.id(), "name", location.name(), "orgId", location.orgId(), "address", address);
    }

    private static Map<String, Object> items(Stream<?> items) {
        return Map.of("items", items.toList());
    }

    private ResponseDefinition extensionTaken() {
        return error(409, 9495, "[Error 9495] Extension already in use.");
    }

    /** Webex's error envelope; {@code errorCode} only when Webex would give one. */
    private ResponseDefinition error(int status, Integer errorCode, String description) {
        Map<String, Object> detail = errorCode == null ? Map.of("description", description)
                : Map.of("errorCode", errorCode, "description", description);
        String message = switch (status) {
            case 404 -> "The requested resource could not be found.";
            case 409 -> "Conflict";
            default -> "Invalid request.";
        };
        return response(status, Map.of("message", message, "errors", List.of(detail),
                "trackingId", "STANDIN_" + UUID.randomUUID())).build();
    }

    private ResponseDefinition ok(Object body) {
        return response(200, body).build();
    }

    private static ResponseDefinition noContent() {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
    }

    private ResponseDefinitionBuilder response(int status, Object body) {
        try {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                    .withHeader("Content-Type", "application/json").withBody(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode body(Request request) {
        try {
            return json.readTree(request.getBodyAsString());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String query(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter.isPresent() ? parameter.firstValue() : null;
    }

    private String nextId(String type) {
        return type + "-" + ++lastId;
    }
}
