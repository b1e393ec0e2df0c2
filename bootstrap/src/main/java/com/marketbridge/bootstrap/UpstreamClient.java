package com.marketbridge.bootstrap;

import com.marketbridge.adapter.appdirect.AppDirectSettings;
import com.marketbridge.adapter.webex.WebexSettings;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The HTTP client under an upstream adapter's Feign client, one implementation for AppDirect and Webex: OkHttp, which
 * spent a third less CPU per call than the JDK's HttpClient in the clients' benchmark (issue 13). Every call is bounded:
 * in time, by a deadline (OkHttp's call timeout) that covers connecting, the answer's headers and all of its body, so
 * that a body trickling in cannot hold a worker longer than that; and in size, by a cap on the answer that is enforced
 * while it streams in ({@link BoundedAnswers}), so that an answer too large for the heap is refused instead of read. It
 * follows no redirect (it could carry our credentials elsewhere) and never sends a request again by itself (OkHttp
 * would retry one, a POST too, after some connection failures): the adapters decide what is retried.
 *
 * <p>Every call runs with {@link Request.Options} read from the OkHttp client itself, whatever the adapter's Feign
 * options say (they come from the same settings): Feign's OkHttp client builds a new client, without this one's call
 * timeout, for a call whose options differ from its client's timeouts or redirect setting.
 *
 * <p>The client is built on the first call instead of at start: building one loads the JDK's TLS context and trust
 * store, which a connector does not need to be ready for notifications; {@link #prepare()} pays it when the caller
 * chooses, or the first call does.
 *
 * <p>Each call, token requests included, is timed for the metrics ({@link CallTimer}), named by the Feign method it
 * comes from, never by its URL, which holds ids and emails.
 */
final class UpstreamClient implements Client {

    /** What a call that got no whole answer is timed as: past its deadline, over the size cap, or an I/O failure. */
    private static final String TIMEOUT = "TIMEOUT";
    private static final String TOO_LARGE = "TOO_LARGE";
    private static final String IO_ERROR = "IO_ERROR";
    /** The operation of a request Feign did not make from one of its methods. */
    private static final String OTHER = "OTHER";

    private final String upstream;
    private final Duration deadline;
    private final int maxAnswerBytes;
    private final Supplier<OkHttpClient> builder;
    private final CallTimer timer;
    private volatile Built client;

    /**
     * {@code upstream} names the upstream in errors, e.g. "Webex"; {@code builder} builds the OkHttp client; {@code timer}
     * hears of every call.
     */
    UpstreamClient(String upstream, Duration deadline, int maxAnswerBytes, Supplier<OkHttpClient> builder, CallTimer timer) {
        this.upstream = upstream;
        this.deadline = deadline;
        this.maxAnswerBytes = maxAnswerBytes;
        this.builder = builder;
        this.timer = timer;
    }

    /**
     * AppDirect's client, over HTTP/1.1 as before OkHttp: one connection per worker, as AppDirect's own clients use it.
     */
    static UpstreamClient of(AppDirectSettings settings, CallTimer timer) {
        return of("AppDirect", List.of(Protocol.HTTP_1_1), settings.connectTimeout(), settings.readTimeout(),
                settings.callDeadline(), settings.maxAnswerBytes(), timer);
    }

    /** Webex's client: HTTP/2 where TLS offers it (ALPN), HTTP/1.1 otherwise. */
    static UpstreamClient of(WebexSettings settings, CallTimer timer) {
        return of("Webex", List.of(Protocol.HTTP_2, Protocol.HTTP_1_1), settings.connectTimeout(), settings.readTimeout(),
                settings.callDeadline(), settings.maxAnswerBytes(), timer);
    }

    /**
     * {@code readTimeout} bounds each wait for bytes (the answer's headers, each piece of its body), {@code deadline}
     * the whole call.
     */
    static UpstreamClient of(String upstream, List<Protocol> protocols, Duration connectTimeout, Duration readTimeout,
                             Duration deadline, int maxAnswerBytes, CallTimer timer) {
        return new UpstreamClient(upstream, deadline, maxAnswerBytes, () -> new OkHttpClient.Builder()
                        .protocols(protocols)
                        .connectTimeout(connectTimeout)
                        .readTimeout(readTimeout)
                        .callTimeout(deadline)
                        .followRedirects(false)
                        .followSslRedirects(false)
                        .retryOnConnectionFailure(false)
                        .addInterceptor(new BoundedAnswers(maxAnswerBytes))
                        .build(), timer);
    }

    /** Builds the client now, if no call has yet. */
    void prepare() {
        client();
    }

    boolean isBuilt() {
        return client != null;
    }

    /**
     * Sends {@code request} and reads all of its answer before Feign sees it, with the client's own options whatever
     * {@code ignored} says (see the class comment). A call still going at the deadline is cancelled, which closes its
     * stream or connection, and fails with an {@link InterruptedIOException}: an I/O failure that the adapters retry as
     * they retry others. An answer over the size cap fails at once, whether its {@code Content-Length} says so or its
     * bytes pass the cap, with an {@link UpstreamException} {@code UPSTREAM_REJECTED} that no adapter retries: the
     * upstream did answer, asking again would bring the same bytes, and each retry would read the cap's worth again for
     * nothing.
     */
    @Override
    public Response execute(Request request, Request.Options ignored) throws IOException {
        long started = System.nanoTime();
        String status = IO_ERROR;
        try {
            Built built = client();
            Response response = built.feign().execute(request, built.options());
            status = Integer.toString(response.status());
            return response;
        } catch (IOException failure) {
            BoundedAnswers.TooLarge tooLarge = cause(failure, BoundedAnswers.TooLarge.class);
            if (tooLarge != null) {
                status = TOO_LARGE;
                throw new UpstreamException(FailureReason.UPSTREAM_REJECTED, upstream + "'s answer to " + operation(request)
                        + (tooLarge.announced() < 0 ? " is over" : " announces " + tooLarge.announced() + " bytes, more than")
                        + " the " + shown(maxAnswerBytes) + " the connector reads of one answer; not read, and not asked for again");
            }
            if (cause(failure, BoundedAnswers.PastDeadline.class) != null || isCallTimeout(failure)) {
                status = TIMEOUT;
                InterruptedIOException late = new InterruptedIOException(upstream + " did not answer " + operation(request)
                        + " within " + shown(deadline) + ", the deadline of one call (connecting, the answer and all of its body)");
                late.initCause(failure);
                throw late;
            }
            throw failure;
        } finally {
            timer.called(feignMethod(request), status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The Feign method the request comes from, e.g. {@code WebexApi#createSubscriber} or {@code TokenEndpoint#grant}:
     * a fixed set of names.
     */
    private static String feignMethod(Request request) {
        RequestTemplate template = request.requestTemplate();
        MethodMetadata method = template == null ? null : template.methodMetadata();
        if (method == null) {
            return OTHER;
        }
        String key = method.configKey(); // Type#method(ParameterTypes)
        int parameters = key.indexOf('(');
        return parameters < 0 ? key : key.substring(0, parameters);
    }

    /** OkHttp's own word for a call past its call timeout (a read or connect timeout is a SocketTimeoutException). */
    private static boolean isCallTimeout(IOException failure) {
        return failure.getClass() == InterruptedIOException.class && "timeout".equals(failure.getMessage());
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The method and path, without the query: it may hold an email address. */
    private static String operation(Request request) {
        return request.httpMethod() + " " + URI.create(request.url()).getPath();
    }

    private static String shown(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String shown(int bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private Built client() {
        Built built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = Built.of(builder.get());
                    client = built;
                }
            }
        }
        return built;
    }

    /** Hears of each call: its Feign method, its answer's status or why none came whole, and how long it took. */
    @FunctionalInterface
    interface CallTimer {

        CallTimer NONE = (operation, status, took) -> { };

        void called(String operation, String status, Duration took);
    }

    /** Feign's OkHttp client over {@code okHttp}, and options it takes as its own (it builds no other client for them). */
    private record Built(Client feign, Request.Options options) {

        static Built of(OkHttpClient okHttp) {
            return new Built(new feign.okhttp.OkHttpClient(okHttp), new Request.Options(
                    okHttp.connectTimeoutMillis(), TimeUnit.MILLISECONDS, okHttp.readTimeoutMillis(), TimeUnit.MILLISECONDS,
                    okHttp.followRedirects()));
        }
    }
}
