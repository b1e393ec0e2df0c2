package com.marketbridge.adapter.appdirect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.List;

/**
 * Reads AppDirect's JSON answers, telling apart what fetching again may cure from what it will not. A body that is not
 * JSON (a proxy's page), JSON cut off, or no body at all is a {@link DecodeException} without a cause to blame on the
 * event; JSON of another shape than expected is one caused by Jackson's {@link DatabindException}. A body that breaks
 * off while being read stays an {@link IOException}, which Feign reports like any I/O error.
 */
final class AnswerDecoder implements Decoder {

    private final ObjectMapper json;

    AnswerDecoder(ObjectMapper json) {
        this.json = json;
    }

    /** Whether the answer was JSON of another shape: the event's own fault, not the way it came. */
    static boolean blamesTheEvent(DecodeException failure) {
        return failure.getCause() instanceof DatabindException;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        byte[] body;
        try (InputStream in = response.body() == null ? InputStream.nullInputStream() : response.body().asInputStream()) {
            body = Util.toByteArray(in);
        }
        if (body.length == 0) {
            throw notAnswered(response, "with an empty body");
        }
        try {
            return json.readValue(body, json.constructType(type));
        } catch (JsonProcessingException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof StreamReadException unread && ranOutOfInput(unread, body)) {
                throw notAnswered(response, "with JSON cut off after " + body.length + " bytes");
            }
            if (root instanceof StreamReadException || !(e instanceof DatabindException)) {
                throw notAnswered(response, "with a body that is not JSON (" + response.headers()
                        .getOrDefault("Content-Type", List.of()).stream().findFirst().orElse("no Content-Type") + ")");
            }
            throw new DecodeException(response.status(), "AppDirect's answer is JSON, but not of the shape expected: "
                    + e.getOriginalMessage(), response.request(), e);
        }
    }

    /** The parser ran out of input: JSON cut off, not something other than JSON. */
    private static boolean ranOutOfInput(StreamReadException failure, byte[] body) {
        return failure instanceof JsonEOFException
                || failure.getLocation() != null && failure.getLocation().getByteOffset() >= body.length;
    }

    private static DecodeException notAnswered(Response response, String problem) {
        return new DecodeException(response.status(), "AppDirect answered HTTP " + response.status() + " " + problem,
                response.request());
    }
}
