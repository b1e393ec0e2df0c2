package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads Webex's error envelope (or, when it is not JSON, the raw text) into a {@link WebexFailure}. */
final class WebexErrorDecoder implements ErrorDecoder {

    private static final int MAX_TEXT = 300;

    private final ObjectMapper json;

    WebexErrorDecoder(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        String body = bodyOf(response);
        ErrorDto error = parse(body);
        List<ErrorDto.ErrorDetailDto> details = error.errors() == null ? List.of() : error.errors();
        String descriptions = details.stream().map(ErrorDto.ErrorDetailDto::description)
                .filter(Objects::nonNull).collect(Collectors.joining("; "));
        String description = !descriptions.isBlank() ? descriptions
                : error.message() != null ? error.message()
                : body.isBlank() ? "(no error body)"
                : body.strip().substring(0, Math.min(MAX_TEXT, body.strip().length()));
        Integer errorCode = details.stream().map(ErrorDto.ErrorDetailDto::errorCode)
                .filter(Objects::nonNull).findFirst().orElse(null);
        return new WebexFailure(response.status(), description, errorCode, error.trackingId(), retryAfter(response));
    }

    private ErrorDto parse(String body) {
        try {
            ErrorDto parsed = body.isBlank() ? null : json.readValue(body, ErrorDto.class);
            return parsed == null ? new ErrorDto(null, null, null) : parsed;
        } catch (JacksonException notJson) {
            return new ErrorDto(null, null, null);
        }
    }

    private static String bodyOf(Response response) {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            return new String(Util.toByteArray(in), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    /** Only the seconds form; an HTTP-date or garbage counts as absent and gets the default wait. */
    private static Duration retryAfter(Response response) {
        // Feign's header map ignores case
        Optional<String> value = response.headers().getOrDefault("Retry-After", List.of()).stream()
                .findFirst().map(String::strip);
        try {
            return value.map(Long::parseLong).map(Duration::ofSeconds).orElse(null);
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
