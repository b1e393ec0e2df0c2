package com.marketbridge.bootstrap;

import com.marketbridge.adapter.appdirect.AppDirectSettings;
import com.marketbridge.adapter.webex.WebexSettings;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client under an upstream adapter's Feign client, one implementation for AppDirect and Webex. Every call is
 * bounded: in time, by a deadline that covers connecting, the answer's headers and all of its body, so that a body
 * trickling in cannot hold a worker longer than that; and in size, by a cap on the answer that is enforced while it
 * streams in, so that an answer too large for the heap is refused instead of read.
 *
 * <p>The client is built on the first call instead of at start: building one loads the JDK's TLS context and trust
 * store (about 0.4 s of CPU in a cold JVM), which a connector does not need to be ready for notifications;
 * {@link #prepare()} pays it when the caller chooses, or the first call does.
 */
final class UpstreamHttpClient extends HttpClient {

    private final String upstream;
    private final Duration deadline;
    private final int maxAnswerBytes;
    private final Supplier<HttpClient> builder;
    private volatile HttpClient client;

    /** {@code upstream} names the upstream in errors, e.g. "Webex". */
    UpstreamHttpClient(String upstream, Duration deadline, int maxAnswerBytes, Supplier<HttpClient> builder) {
        this.upstream = upstream;
        this.deadline = deadline;
        this.maxAnswerBytes = maxAnswerBytes;
        this.builder = builder;
    }

    /**
     * AppDirect's client, over HTTP/1.1: plain-http marketplaces (tests, proxies) would otherwise get an h2c upgrade
     * attempt on every new connection.
     */
    static UpstreamHttpClient of(AppDirectSettings settings) {
        return of("AppDirect", HttpClient.Version.HTTP_1_1, settings.connectTimeout(), settings.callDeadline(),
                settings.maxAnswerBytes());
    }

    static UpstreamHttpClient of(WebexSettings settings) {
        return of("Webex", HttpClient.Version.HTTP_2, settings.connectTimeout(), settings.callDeadline(),
                settings.maxAnswerBytes());
    }

    /**
     * A client that never follows a redirect (it could carry our credentials elsewhere) and that runs its own work (parsing
     * an answer, completing the call) where it arises instead of hopping to a pool thread: calls are blocking and bodies
     * are read whole, so nothing waits there, and the benchmark spent less CPU per event and less time queued for a core.
     * Feign's Http2Client calls this client only while its own options agree with it (no redirects, the same connect
     * timeout) and builds a plain, unbounded one otherwise: hence the connect timeout comes from the adapter's settings,
     * which the adapter's Feign options take it from too.
     */
    static UpstreamHttpClient of(String upstream, HttpClient.Version version, Duration connectTimeout, Duration deadline,
                                 int maxAnswerBytes) {
        return new UpstreamHttpClient(upstream, deadline, maxAnswerBytes, () -> HttpClient.newBuilder()
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

    /**
     * Sends {@code request} and reads all of its answer before {@code handler} sees it. A call still going at the deadline
     * is cancelled, which closes its stream or connection, and fails with an {@link HttpTimeoutException}: an I/O failure
     * that the adapters retry as they retry others. An answer over the size cap fails at once, whether its
     * {@code Content-Length} says so or its bytes pass the cap, with an {@link UpstreamException}
     * {@code UPSTREAM_REJECTED} that no adapter retries: the upstream did answer, asking again would bring the same bytes,
     * and each retry would read the cap's worth again for nothing.
     */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<T>> exchange = client().sendAsync(request,
                answer -> new WholeAnswer<>(handler.apply(answer), announcedLength(answer), maxAnswerBytes));
        try {
            return exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            exchange.cancel(true);
            throw new HttpTimeoutException(upstream + " did not answer " + operation(request) + " within " + shown(deadline)
                    + ", the deadline of one call (connecting, the answer and all of its body)");
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            throw interrupted;
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof WholeAnswer.TooLarge tooLarge) {
                throw new UpstreamException(FailureReason.UPSTREAM_REJECTED, upstream + "'s answer to " + operation(request)
                        + (tooLarge.announced() < 0 ? " is over" : " announces " + tooLarge.announced() + " bytes, more than")
                        + " the " + shown(maxAnswerBytes) + " the connector reads of one answer; not read, and not asked for again");
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** Not offered: the adapters' calls are blocking, and an exchange here is bounded only in {@link #send}. */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        throw new UnsupportedOperationException("the upstream clients bound blocking calls only; use send");
    }

    /** Not offered, as {@link #sendAsync(HttpRequest, HttpResponse.BodyHandler)}. */
    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushes) {
        throw new UnsupportedOperationException("the upstream clients bound blocking calls only; use send");
    }

    private static long announcedLength(HttpResponse.ResponseInfo answer) {
        return answer.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    /** The method and path, without the query: it may hold an email address. */
    private static String operation(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }

    private static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String shown(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
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
