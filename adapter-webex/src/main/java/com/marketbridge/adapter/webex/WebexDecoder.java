package com.marketbridge.adapter.webex;

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
import java.util.List;
import java.util.Optional;

/**
 * Jackson decoding that also reads the headers two return types need: a {@link Page} its {@code Link},
 * a {@link Reply} its status and {@code Location}. Unknown fields are ignored, as Webex adds them freely.
 */
final class WebexDecoder implements Decoder {

    private final ObjectMapper json;

    WebexDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (type instanceof ParameterizedType generic && generic.getRawType() == Page.class) {
            JsonNode items = read(response, json.constructType(JsonNode.class)) instanceof JsonNode node
                    ? node.path("items") : null;
            JavaType itemList = json.getTypeFactory().constructCollectionType(List.class,
                    json.constructType(generic.getActualTypeArguments()[0]));
            List<?> list = items == null || items.isMissingNode() || items.isNull()
                    ? List.of() : json.convertValue(items, itemList);
            return new Page<>(list, LinkHeader.next(response.headers().getOrDefault("Link", List.of())));
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == Reply.class) {
            Optional<String> location = response.headers().getOrDefault("Location", List.of()).stream().findFirst();
            return new Reply<>(response.status(), location,
                    read(response, json.constructType(generic.getActualTypeArguments()[0])));
        }
        return read(response, json.constructType(type));
    }

    private Object read(Response response, JavaType type) throws IOException {
        if (response.body() == null) {
            return null;
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] body = Util.toByteArray(in);
            return body.length == 0 ? null : json.readValue(body, type);
        }
    }
}
