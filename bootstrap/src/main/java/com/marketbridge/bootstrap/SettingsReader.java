package com.marketbridge.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads typed settings from raw strings and collects every problem instead of stopping at the first,
 * so an operator fixes them all in one go. Messages name settings, never their values.
 */
final class SettingsReader {

    private final Map<String, String> raw;
    private final List<String> problems = new ArrayList<>();

    SettingsReader(Map<String, String> raw) {
        this.raw = raw;
    }

    boolean isSet(String name) {
        String value = raw.get(name);
        return value != null && !value.isBlank();
    }

    String optional(String name) {
        return isSet(name) ? raw.get(name).strip() : null;
    }

    String required(String name, String meaning) {
        if (!isSet(name)) {
            problems.add(name + " is missing (" + meaning + ")");
            return null;
        }
        return raw.get(name).strip();
    }

    URI url(String name, String fallback, String meaning) {
        String value = isSet(name) ? raw.get(name).strip() : fallback;
        if (value == null) {
            problems.add(name + " is missing (" + meaning + ")");
            return null;
        }
        return parsed(name, value, "an http(s) URL such as https://acme.example.com", SettingsReader::httpUrl);
    }

    int integer(String name, int fallback, int min, int max) {
        if (!isSet(name)) {
            return fallback;
        }
        Integer value = parsed(name, raw.get(name).strip(), "a whole number from " + min + " to " + max, Integer::valueOf);
        if (value != null && (value < min || value > max)) {
            problems.add(name + " must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return value == null ? fallback : value;
    }

    /** One of {@code allowed}, in any case; the fallback when unset. */
    String choice(String name, String fallback, List<String> allowed) {
        if (!isSet(name)) {
            return fallback;
        }
        String value = raw.get(name).strip().toLowerCase(java.util.Locale.ROOT);
        if (!allowed.contains(value)) {
            problems.add(name + " must be one of " + String.join(", ", allowed));
            return fallback;
        }
        return value;
    }

    Path path(String name, String fallback) {
        return Path.of(isSet(name) ? raw.get(name).strip() : fallback);
    }

    /** A JSON list of strings, as the demo wrote it: {@code ["webex_calling", "webex_meetings"]}. */
    List<String> jsonStringList(String name, String meaning) {
        String value = required(name, meaning);
        return value == null ? List.of() : parsed(name, value, "a JSON list of strings such as [\"webex_meetings\"]",
                SettingsReader::stringList);
    }

    /** {@code a=b,c=d} pairs, e.g. edition=package. */
    Map<String, String> pairs(String name, Map<String, String> fallback) {
        if (!isSet(name)) {
            return fallback;
        }
        Map<String, String> pairs = parsed(name, raw.get(name), "comma-separated pairs such as webex_meetings=webex_meetings",
                SettingsReader::pairs);
        return pairs == null ? fallback : pairs;
    }

    void problem(String message) {
        problems.add(message);
    }

    void failIfAnyProblem() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    private <T> T parsed(String name, String value, String expected, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            problems.add(name + " must be " + expected);
            return null;
        }
    }

    private static URI httpUrl(String value) {
        URI uri = URI.create(value);
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return uri;
    }

    private static List<String> stringList(String value) {
        String list = value.strip();
        if (!list.startsWith("[") || !list.endsWith("]")) {
            throw new IllegalArgumentException("not a JSON list");
        }
        List<String> items = new ArrayList<>();
        for (String item : list.substring(1, list.length() - 1).split(",", -1)) {
            String quoted = item.strip();
            if (quoted.length() < 3 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"'
                    || quoted.substring(1, quoted.length() - 1).contains("\"")) {
                throw new IllegalArgumentException("not a list of non-empty strings");
            }
            items.add(quoted.substring(1, quoted.length() - 1));
        }
        return List.copyOf(items);
    }

    private static Map<String, String> pairs(String value) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            String[] parts = pair.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("not a key=value pair");
            }
            pairs.put(parts[0].strip(), parts[1].strip());
        }
        return Map.copyOf(pairs);
    }
}
