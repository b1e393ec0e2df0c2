package com.marketbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * An event to publish at the simulated AppDirect, as the small JSON of {@code POST /sandbox/appdirect/events} says
 * it: {@code {"type":"SUBSCRIPTION_ORDER","email":"dave@contoso.example","edition":"webex_calling"}}, the company
 * the story's unless {@code company} names another, the account {@code company:email} unless {@code account} is set.
 */
record EventRequest(String type, String company, String companyName, String email, String edition, String account) {

    static final String ORDER = "SUBSCRIPTION_ORDER";
    static final String CHANGE = "SUBSCRIPTION_CHANGE";
    static final String CANCEL = "SUBSCRIPTION_CANCEL";
    private static final Set<String> FIELDS = Set.of("type", "company", "companyName", "email", "edition", "account");

    EventRequest {
        if (!Set.of(ORDER, CHANGE, CANCEL).contains(type)) {
            throw new InvalidRequest("type must be " + ORDER + ", " + CHANGE + " or " + CANCEL);
        }
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidRequest("email must be an email address such as dave@contoso.example");
        }
        if (edition == null && !type.equals(CANCEL)) {
            throw new InvalidRequest("edition is required for " + type + ", e.g. webex_calling");
        }
        account = account == null ? company + ":" + email : account;
    }

    static EventRequest order(String company, String companyName, String email, String edition) {
        return new EventRequest(ORDER, company, companyName, email, edition, null);
    }

    static EventRequest change(String account, String email, String edition) {
        return new EventRequest(CHANGE, null, null, email, edition, account);
    }

    static EventRequest cancel(String account, String email) {
        return new EventRequest(CANCEL, null, null, email, null, account);
    }

    /** Reads the control endpoint's JSON; the company defaults to {@code company} and its name. */
    static EventRequest read(JsonNode body, String company, String companyName) {
        if (!body.isObject()) {
            throw new InvalidRequest("the body must be a JSON object such as {\"email\":\"dave@contoso.example\","
                    + "\"edition\":\"webex_calling\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidRequest("unknown field '" + name + "'; known: " + String.join(", ", FIELDS));
            }
        }
        String type = Json.text(body, "type");
        return new EventRequest(type == null ? ORDER : type.toUpperCase(Locale.ROOT),
                orElse(Json.text(body, "company"), company), orElse(Json.text(body, "companyName"), companyName),
                Json.text(body, "email"), Json.text(body, "edition"), Json.text(body, "account"));
    }

    /** The connector's {@code eventType} hint for this event, as the demo's notification URLs carry it. */
    String hint() {
        return switch (type) {
            case ORDER -> "create";
            case CHANGE -> "update";
            default -> "cancel";
        };
    }

    /** The event as AppDirect's {@code GET {eventUrl}} answers it (appdirect.md §2), the user named after the email. */
    JsonNode toEvent(String marketplaceBaseUrl) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("type", type);
        event.putObject("marketplace").put("partner", "SANDBOX").put("baseUrl", marketplaceBaseUrl);
        event.putNull("applicationUuid");
        event.putNull("flag");
        String name = email.substring(0, email.indexOf('@'));
        event.putObject("creator").put("uuid", UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)).toString())
                .put("email", email).put("firstName", capitalized(name)).put("lastName", "Sandbox")
                .put("language", "en").put("locale", "en-US");
        ObjectNode payload = event.putObject("payload");
        payload.putNull("user");
        if (type.equals(ORDER)) {
            payload.putObject("company").put("uuid", company).put("name", companyName)
                    .put("email", "billing@" + email.substring(email.indexOf('@') + 1)).put("country", "US");
            payload.putNull("account");
        } else {
            payload.putNull("company");
            payload.putObject("account").put("accountIdentifier", account).put("status", "ACTIVE");
        }
        if (edition == null) {
            payload.putNull("order");
        } else {
            ObjectNode order = payload.putObject("order").put("editionCode", edition).put("pricingDuration", "MONTHLY");
            ArrayNode items = order.putArray("items");
            items.addObject().put("unit", "USER").put("quantity", 1);
        }
        payload.putNull("notice");
        payload.putObject("configuration");
        event.putNull("returnUrl");
        event.putArray("links");
        return event;
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
