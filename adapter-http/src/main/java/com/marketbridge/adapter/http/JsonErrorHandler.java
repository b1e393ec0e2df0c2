package com.marketbridge.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers to requests that never reach a route (an overlong URL, a malformed request) as the webhook's
 * failure answer ({@code {"success":false,"message":...}}), JSON like
 * every other answer, instead of Jetty's HTML error page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(JSON);
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return body(status);
    }

    private ByteBuffer body(int code) {
        try {
            return ByteBuffer.wrap(json.writeValueAsBytes(
                    new WebhookEndpoint.Answer(false, null, null, "HTTP " + code + " " + HttpStatus.getMessage(code))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer of a boolean and strings is always written", e);
        }
    }
}
