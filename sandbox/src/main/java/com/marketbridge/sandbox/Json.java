package com.marketbridge.sandbox;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.javalin.http.Context;

/** Reads request bodies and writes answers as JSON for both simulators. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** The request's JSON body; an empty body reads as a missing node, anything not JSON as {@code malformed}. */
    static JsonNode body(Context ctx, RuntimeException malformed) {
        String body = ctx.body();
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw malformed;
        }
    }

    static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? MissingNode.getInstance() : MAPPER.readTree(text);
        } catch (JacksonException e) {
            return MAPPER.getNodeFactory().textNode(text);
        }
    }

    static void answer(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(value));
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A text field, or null when it is absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
