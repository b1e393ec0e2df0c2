package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Jackson decoding that also reads the headers two return types need: a {@link Page} its {@code Link},
 * a {@link Reply} its status and {@code Location}. Unknown fields are ignored, as Webex adds them freely. A body that
 * is not the JSON promised is an {@link UnreadableAnswer}; only a {@link Reply} may come without one.
 */
final class WebexDecoder implements Decoder {

    /** How much of a body that is not JSON a message quotes: enough to recognise a proxy's error page. */
    private static final int EXCERPT = 60;

    private final ObjectMapper json;

    WebexDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Object decode(Response response, Type type) {
        byte[] body = bodyOf(response);
        try {
            if (type instanceof ParameterizedType generic && generic.getRawType() == Reply.class) {
                Optional<String> location = response.headers().getOrDefault("Location", List.of()).stream().findFirst();
                return new Reply<>(response.status(), location, body.length == 0 ? null
                        : json.readValue(body, json.constructType(generic.getActualTypeArguments()[0])));
            }
            if (body.length == 0) {
                throw new UnreadableAnswer(response.status(), "with an empty body", null);
            }
            if (type instanceof ParameterizedType generic && generic.getRawType() == Page.class) {
                return page(response, json.readTree(body), generic.getActualTypeArguments()[0]);
            }
            Object value = json.readValue(body, json.constructType(type));
            if (value == null) {
                throw new UnreadableAnswer(response.status(), "with JSON null instead of an object", null);
            }
            return value;
        } catch (IOException | IllegalArgumentException failure) {
            // IllegalArgumentException: convertValue's wrapping of a list item of another shape
            throw unreadable(response, body, failure);
        }
    }

    /** Missing or null {@code items} is an empty page; a body that is no JSON object is not a page at all. */
    private Page<?> page(Response response, JsonNode body, Type itemType) {
        if (!body.isObject()) {
            throw new UnreadableAnswer(response.status(), "with JSON of another shape than expected (a list's"
                    + " answer is " + body.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object)", null);
        }
        JsonNode items = body.path("items");
        JavaType itemList = json.getTypeFactory().constructCollectionType(List.class, json.constructType(itemType));
        List<?> list = items.isMissingNode() || items.isNull() ? List.of() : json.convertValue(items, itemList);
        return new Page<>(list, LinkHeader.next(response.headers().getOrDefault("Link", List.of())));
    }

    /**
     * The whole body; one that breaks off while being read is an answer lost on the way ({@link UnreadableAnswer}, with
     * the {@link IOException} as its cause).
     */
    static byte[] bodyOf(Response response) {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return Util.toByteArray(in);
        } catch (IOException brokenOff) {
            throw new UnreadableAnswer(response.status(), "but the body broke off while being read ("
                    + brokenOff.getMessage() + ")", brokenOff);
        }
    }

    private static String contentTypeOf(Response response) {
        // Feign's header map ignores case
        return response.headers().getOrDefault("Content-Type", List.of()).stream().findFirst()
                .orElse("no Content-Type");
    }

    /** The body's start on one line, in printable ASCII: never a whole body, which may hold anything. */
    private static String excerpt(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").replaceAll("[^\\x20-\\x7E]", "?").strip();
        return start.length() > EXCERPT ? start.substring(0, EXCERPT) + "..." : start;
    }

    /** The parser ran out of input: JSON cut off, not something other than JSON. */
    private static boolean ranOutOfInput(StreamReadException failure, byte[] body) {
        return failure instanceof JsonEOFException
                || failure.getLocation() != null && failure.getLocation().getByteOffset() >= body.length;
    }

    /** Not JSON, JSON cut off, or JSON of another shape than the call needs (which a DTO may complain of itself). */
    private static UnreadableAnswer unreadable(Response response, byte[] body, Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String problem = root instanceof StreamReadException unread && ranOutOfInput(unread, body)
                ? "with JSON cut off after " + body.length + " bytes"
                : root instanceof StreamReadException
                ? "with a body that is not JSON (" + contentTypeOf(response) + ": \"" + excerpt(body) + "\")"
                : "with JSON of another shape than expected ("
                        + (root instanceof JacksonException jackson ? jackson.getOriginalMessage() : root.getMessage()) + ")";
        return new UnreadableAnswer(response.status(), problem, failure);
    }
}
