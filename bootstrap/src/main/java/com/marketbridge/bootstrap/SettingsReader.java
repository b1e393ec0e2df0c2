package com.marketbridge.bootstrap;

import com.marketbridge.domain.credential.Secret;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads typed settings from raw strings and collects every problem instead of stopping at the first,
 * so an operator fixes them all in one go. Messages name settings, never their values. It keeps what it read by
 * name for the startup line, secrets as {@link Secret}s, which print masked.
 */
final class SettingsReader {

    private static final String HTTP_URL = "an http(s) URL such as https://acme.example.com";

    private final Map<String, String> raw;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Object> asRead = new LinkedHashMap<>();

    SettingsReader(Map<String, String> raw) {
        this.raw = raw;
    }

    boolean isSet(String name) {
        String value = raw.get(name);
        return value != null && !value.isBlank();
    }

    String optional(String name) {
        return isSet(name) ? kept(name, raw.get(name).strip()) : null;
    }

    String required(String name, String meaning) {
        return kept(name, present(name, meaning));
    }

    Secret secret(String name, String meaning) {
        String value = present(name, meaning);
        return value == null ? null : kept(name, new Secret(value));
    }

    /** The secret set, or null when it is not. */
    Secret optionalSecret(String name) {
        return isSet(name) ? kept(name, new Secret(raw.get(name).strip())) : null;
    }

    URI url(String name, String meaning) {
        String value = present(name, meaning);
        return value == null ? null : kept(name, parsed(name, value, HTTP_URL, SettingsReader::httpUrl));
    }

    /** The URL set, or {@code fallback} (which may be null) when it is not. */
    URI optionalUrl(String name, URI fallback) {
        return kept(name, isSet(name) ? parsed(name, raw.get(name).strip(), HTTP_URL, SettingsReader::httpUrl) : fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        if (!isSet(name)) {
            return kept(name, fallback);
        }
        Integer value = parsed(name, raw.get(name).strip(), "a whole number from " + min + " to " + max, Integer::valueOf);
        if (value != null && (value < min || value > max)) {
            problems.add(name + " must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return value == null ? fallback : kept(name, value);
    }

    /** A whole number of {@code unit}s from {@code min} to {@code max}. */
    Duration duration(String name, ChronoUnit unit, Duration fallback, int min, int max) {
        return Duration.of(integer(name, Math.toIntExact(fallback.dividedBy(unit.getDuration())), min, max), unit);
    }

    /** One of the constants of {@code fallback}'s enum, in any case; the fallback when unset. */
    <E extends Enum<E>> E choice(String name, E fallback) {
        List<String> allowed = Arrays.stream(fallback.getDeclaringClass().getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList();
        String value = isSet(name) ? raw.get(name).strip().toLowerCase(Locale.ROOT) : fallback.name().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            problems.add(name + " must be one of " + String.join(", ", allowed));
            return fallback;
        }
        return Enum.valueOf(fallback.getDeclaringClass(), kept(name, value).toUpperCase(Locale.ROOT));
    }

    /** A URL whose query may hold a password: it is kept, for the startup line, without its query. */
    String urlWithSecretQuery(String name, String meaning) {
        String value = present(name, meaning);
        if (value == null) {
            return null;
        }
        int query = value.indexOf('?');
        kept(name, query < 0 ? value : value.substring(0, query) + "?****");
        return value;
    }

    Path path(String name, Path fallback) {
        if (!isSet(name)) {
            return kept(name, fallback);
        }
        try {
            return kept(name, Path.of(raw.get(name).strip()));
        } catch (InvalidPathException e) {
            problems.add(name + " is not a path this system can use: " + e.getReason());
            return fallback;
        }
    }

    /** A JSON list of strings, as the demo wrote it: {@code ["webex_calling", "webex_meetings"]}. */
    List<String> jsonStringList(String name, String meaning) {
        String value = present(name, meaning);
        return value == null ? List.of() : kept(name, parsed(name, value, "a JSON list of strings such as [\"webex_meetings\"]",
                SettingsReader::stringList));
    }

    /** {@code a=b,c=d} pairs, e.g. edition=package. */
    Map<String, String> pairs(String name, Map<String, String> fallback) {
        if (!isSet(name)) {
            return kept(name, fallback);
        }
        Map<String, String> pairs = parsed(name, raw.get(name), "comma-separated pairs such as webex_meetings=webex_meetings",
                SettingsReader::pairs);
        return pairs == null ? fallback : kept(name, pairs);
    }

    void problem(String message) {
        problems.add(message);
    }

    /** How many problems were found so far: a part's reading starts here, and {@link #built} looks back to it. */
    int problemCount() {
        return problems.size();
    }

    /**
     * The part {@code building} makes of the settings read since {@code problemCount} problems were found, or null
     * when one of them was refused (the start fails then anyway). A part that refuses its values adds that problem.
     */
    <T> T built(int problemCount, Supplier<T> building) {
        if (problems.size() > problemCount) {
            return null;
        }
        try {
            return building.get();
        } catch (IllegalArgumentException refused) {
            problems.add(refused.getMessage());
            return null;
        }
    }

    void failIfAnyProblem() {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** Every setting read, by name and in the order read, with its default when unset; secrets print masked. */
    Map<String, Object> asRead() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(asRead));
    }

    /** The value, stripped; null and a problem when it is missing. */
    private String present(String name, String meaning) {
        if (!isSet(name)) {
            problems.add(name + " is missing (" + meaning + ")");
            return null;
        }
        return raw.get(name).strip();
    }

    private <T> T kept(String name, T value) {
        if (value != null) {
            asRead.put(name, value);
        }
        return value;
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
