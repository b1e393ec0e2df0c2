package com.marketbridge.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a raw query string as form parameters without ever throwing: a parameter whose percent-encoding is
 * malformed ({@code %}, {@code %zz}) is set aside by name, so the call can still be authenticated and then answered.
 */
final class QueryDecoder {

    /** The parameters that decoded, in order, and the names of those that did not (raw if the name itself did not). */
    record Decoded(Map<String, List<String>> parameters, List<String> undecodable) {
    }

    private QueryDecoder() {
    }

    static Decoded decode(String rawQuery) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        List<String> undecodable = new ArrayList<>();
        if (rawQuery == null) {
            return new Decoded(parameters, undecodable);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name = decodeOrNull(rawName);
            String value = decodeOrNull(rawValue);
            if (name == null || value == null) {
                undecodable.add(name == null ? rawName : name);
            } else {
                parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new Decoded(parameters, undecodable);
    }

    private static String decodeOrNull(String raw) {
        try {
            return URLDecoder.decode(raw, UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
