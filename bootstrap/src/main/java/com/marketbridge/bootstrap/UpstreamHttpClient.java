package com.marketbridge.bootstrap;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client under an upstream adapter's Feign client, one implementation for AppDirect and Webex. It is built on
 * the first call instead of at start: building one loads the JDK's TLS context and trust store (about 0.4 s of CPU in a
 * cold JVM), which a connector does not need to be ready for notifications; {@link #prepare()} pays it when the caller
 * chooses, or the first call does.
 */
final class UpstreamHttpClient extends HttpClient {

    private final Supplier<HttpClient> builder;
    private volatile HttpClient client;

    UpstreamHttpClient(Supplier<HttpClient> builder) {
        this.builder = builder;
    }

    /**
     * A client that never follows a redirect (it could carry our credentials elsewhere) and that runs its own work (parsing
     * an answer, completing the call) where it arises instead of hopping to a pool thread: calls are blocking and bodies
     * are read whole, so nothing waits there, and the benchmark spent less CPU per event and less time queued for a core.
     */
    static UpstreamHttpClient of(HttpClient.Version version, Duration connectTimeout) {
        return new UpstreamHttpClient(() -> HttpClient.newBuilder()
                .version(version)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Runnable::run)
                .build());
    }

    /** Builds the client now, if no call has yet. */
    void prepare() {
        client();
    }

    boolean isBuilt() {
        return client != null;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return client().send(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return client().sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushes) {
        return client().sendAsync(request, handler, pushes);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return client().cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return client().connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return client().followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return client().proxy();
    }

    @Override
    public SSLContext sslContext() {
        return client().sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return client().sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return client().authenticator();
    }

    @Override
    public Version version() {
        return client().version();
    }

    @Override
    public Optional<Executor> executor() {
        return client().executor();
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = builder.get();
                    client = built;
                }
            }
        }
        return built;
    }
}
