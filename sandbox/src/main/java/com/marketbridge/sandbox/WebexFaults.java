package com.marketbridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the simulated Webex is told to do wrong, through {@code POST /sandbox/webex/faults}: answer the next calls
 * 503, report extensions as taken at every location, refuse the subscriber of an email with a 400.
 */
final class WebexFaults {

    private int unavailable;
    private final Set<String> takenExtensions = new TreeSet<>();
    private final Set<String> refusedEmails = new TreeSet<>();

    /**
     * Adds the faults of {@code request}: {@code {"unavailable": 2, "extensionTaken": "2000", "refuseSubscriber":
     * "erin@example.com"}}, each optional; anything else is refused naming the field.
     */
    synchronized void add(JsonNode request) {
        if (!request.isObject() || request.isEmpty()) {
            throw new InvalidRequest("the body must be a JSON object with unavailable, extensionTaken or refuseSubscriber");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = request.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "unavailable" -> {
                    if (!value.isIntegralNumber() || value.asInt() < 0 || value.asInt() > 100) {
                        throw new InvalidRequest("unavailable must be a whole number of calls from 0 to 100");
                    }
                    unavailable = value.asInt();
                }
                case "extensionTaken" -> {
                    if (!value.isTextual() || !value.asText().matches("\\d{1,10}")) {
                        throw new InvalidRequest("extensionTaken must be an extension of digits, e.g. \"2000\"");
                    }
                    takenExtensions.add(value.asText());
                }
                case "refuseSubscriber" -> {
                    if (!value.isTextual() || !value.asText().contains("@")) {
                        throw new InvalidRequest("refuseSubscriber must be an email");
                    }
                    refuseSubscriber(value.asText());
                }
                default -> throw new InvalidRequest("unknown fault '" + field.getKey()
                        + "'; known: unavailable, extensionTaken, refuseSubscriber");
            }
        }
    }

    /** The subscriber of {@code email} is refused with a 400 from now on. */
    synchronized void refuseSubscriber(String email) {
        refusedEmails.add(email.toLowerCase(Locale.ROOT));
    }

    synchronized void clear() {
        unavailable = 0;
        takenExtensions.clear();
        refusedEmails.clear();
    }

    /** Counts one call down when the simulator is told to be unavailable: true while it is. */
    synchronized boolean unavailableNow() {
        if (unavailable == 0) {
            return false;
        }
        unavailable--;
        return true;
    }

    synchronized boolean extensionTaken(String extension) {
        return takenExtensions.contains(extension);
    }

    synchronized boolean refuses(String email) {
        return refusedEmails.contains(email.toLowerCase(Locale.ROOT));
    }

    synchronized Map<String, Object> describe() {
        return Map.of("unavailable", unavailable, "extensionsTaken", Set.copyOf(takenExtensions),
                "refusedSubscribers", Set.copyOf(refusedEmails));
    }
}
