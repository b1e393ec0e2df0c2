package com.marketbridge.adapter.webex;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.http2client.Http2Client;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * Feign's client over a {@link HttpClient} built on the first call instead of at start. Building one loads the
 * JDK's TLS context and trust store (about 0.4 s of CPU in a cold JVM), which a connector does not need to be
 * ready for notifications; {@link #prepare()} pays it when the caller chooses, or the first call does.
 */
final class HttpClientOnFirstCall implements Client {

    private final Supplier<HttpClient> builder;
    private volatile Client client;

    HttpClientOnFirstCall(Supplier<HttpClient> builder) {
        this.builder = builder;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        return client().execute(request, options);
    }

    /** Builds the client now, if no call has yet. */
    void prepare() {
        client();
    }

    boolean isBuilt() {
        return client != null;
    }

    private Client client() {
        Client built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = new Http2Client(builder.get());
                    client = built;
                }
            }
        }
        return built;
    }
}
