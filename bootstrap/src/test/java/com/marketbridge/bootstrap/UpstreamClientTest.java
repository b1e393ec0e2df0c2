package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import feign.Feign;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Retryer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connector's upstream client, called as Feign calls it: built on first use, a deadline over the whole call that
 * closes the connection, a size cap refused without reading the rest, no redirect followed, no request sent twice, and
 * the connect timeout, with the messages the README's Reliability table quotes.
 */
class UpstreamClientTest {

    private static final int CAP = 512 * 1024;
    private static final String THIRTY_MEGABYTES = "x".repeat(30 * 1024 * 1024);
    private static final Request.Options FEIGN_DEFAULTS = new Request.Options();

    private final List<WireMockServer> servers = new ArrayList<>();
    private final AtomicInteger builds = new AtomicInteger();

    @AfterEach
    void stopServers() {
        servers.forEach(WireMockServer::stop);
    }

    private OkHttpClient build() {
        builds.incrementAndGet();
        return new OkHttpClient();
    }

    private UpstreamClient lazily(java.util.function.Supplier<OkHttpClient> builder) {
        return new UpstreamClient("Upstream", Duration.ofSeconds(5), 1024, builder, UpstreamClient.CallTimer.NONE);
    }

    @Test
    void buildsNoClientUntilItIsNeeded() {
        UpstreamClient client = lazily(this::build);

        assertThat(client.isBuilt()).isFalse();
        assertThat(builds).hasValue(0);
    }

    @Test
    void preparingBuildsTheClientOnceForEveryLaterCall() {
        UpstreamClient client = lazily(this::build);

        client.prepare();
        client.prepare();

        assertThat(client.isBuilt()).isTrue();
        assertThat(builds).hasValue(1);
    }

    @Test
    void theFirstCallBuildsTheClient() throws Exception {
        WireMockServer server = server(false);
        server.stubFor(get("/one").willReturn(aResponse().withBody("one")));
        UpstreamClient client = lazily(this::build);

        assertThat(new String(read(client, server.baseUrl() + "/one"), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(read(client, server.baseUrl() + "/one")).hasSize(3);

        assertThat(builds).hasValue(1);
    }

    @Test
    void callersRacingForTheFirstCallShareOneClient() throws Exception {
        UpstreamClient client = lazily(this::build);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(callers.submit(() -> {
                go.await();
                client.prepare();
                return null;
            }));
        }
        go.countDown();
        for (Future<?> call : calls) {
            call.get();
        }
        callers.shutdown();

        assertThat(builds).hasValue(1);
    }

    @Test
    void aClientThatCouldNotBeBuiltIsBuiltAgainByTheNextCall() {
        AtomicInteger attempts = new AtomicInteger();
        UpstreamClient client = lazily(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("no TLS context");
            }
            return new OkHttpClient();
        });

        assertThatThrownBy(client::prepare).hasMessage("no TLS context");
        client.prepare();

        assertThat(client.isBuilt()).isTrue();
        assertThat(attempts).hasValue(2);
    }

    /** A WireMock on 127.0.0.1; with {@code chunked}, its answers come without a Content-Length. */
    private WireMockServer server(boolean chunked) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .useChunkedTransferEncoding(chunked ? Options.ChunkedEncodingPolicy.ALWAYS : Options.ChunkedEncodingPolicy.NEVER));
        server.start();
        servers.add(server);
        return server;
    }

    private static UpstreamClient bounded(Duration deadline) {
        return bounded(Duration.ofSeconds(2), deadline);
    }

    private static UpstreamClient bounded(Duration connectTimeout, Duration deadline) {
        return UpstreamClient.of("Upstream", List.of(Protocol.HTTP_1_1), connectTimeout, Duration.ofSeconds(20), deadline, CAP,
                UpstreamClient.CallTimer.NONE);
    }

    private static Request request(Request.HttpMethod method, String url, byte[] body) {
        return Request.create(method, url, Map.of(), body, StandardCharsets.UTF_8, null);
    }

    /** As Feign reads an answer: the status and headers, then the body from a stream; with Feign's default options. */
    private static byte[] read(UpstreamClient client, String url) throws IOException {
        try (Response response = client.execute(request(Request.HttpMethod.GET, url, null), FEIGN_DEFAULTS);
             InputStream body = response.body() == null ? InputStream.nullInputStream() : response.body().asInputStream()) {
            return body.readAllBytes();
        }
    }

    /** An upstream API declared as the adapters declare theirs. */
    interface ThingsApi {
        @RequestLine("GET /things/{id}?email={email}")
        Response thing(@Param("id") String id, @Param("email") String email);
    }

    private ThingsApi things(String baseUrl, Duration deadline, List<String> timed) {
        UpstreamClient client = UpstreamClient.of("Upstream", List.of(Protocol.HTTP_1_1), Duration.ofSeconds(2),
                Duration.ofSeconds(20), deadline, CAP, (operation, status, took) -> {
                    assertThat(took).isPositive();
                    timed.add(operation + " " + status);
                });
        return Feign.builder().client(client).retryer(Retryer.NEVER_RETRY).target(ThingsApi.class, baseUrl);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyCallIsTimedUnderItsFeignMethod_neverItsUrl_withItsStatusOrWhyNoWholeAnswerCame() throws Exception {
        WireMockServer server = server(false);
        server.stubFor(get(urlPathEqualTo("/things/42")).willReturn(aResponse().withBody("{}")));
        server.stubFor(get(urlPathEqualTo("/things/43")).willReturn(aResponse().withStatus(503)));
        server.stubFor(get(urlPathEqualTo("/things/44")).willReturn(aResponse().withBody(THIRTY_MEGABYTES)));
        List<String> timed = new CopyOnWriteArrayList<>();
        ThingsApi api = things(server.baseUrl(), Duration.ofSeconds(30), timed);

        api.thing("42", "bob@contoso.test").close();
        api.thing("43", "bob@contoso.test").close();
        assertThatThrownBy(() -> api.thing("44", "bob@contoso.test")).isInstanceOf(UpstreamException.class);
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            new Thread(() -> trickleUntilClosed(listener, closed)).start();
            ThingsApi late = things("http://127.0.0.1:" + listener.getLocalPort(), Duration.ofMillis(300), timed);
            assertThatThrownBy(() -> late.thing("45", "bob@contoso.test")).hasCauseInstanceOf(InterruptedIOException.class);
        }
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        ThingsApi unreachable = things("http://127.0.0.1:" + closedPort, Duration.ofSeconds(30), timed);
        assertThatThrownBy(() -> unreachable.thing("46", "bob@contoso.test")).isInstanceOf(feign.RetryableException.class);

        assertThat(timed).containsExactly("ThingsApi#thing 200", "ThingsApi#thing 503", "ThingsApi#thing TOO_LARGE",
                "ThingsApi#thing TIMEOUT", "ThingsApi#thing IO_ERROR");
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBodyTricklingInEndsTheCallAtTheDeadline_thoughEachByteCameWellWithinTheReadTimeout() {
        WireMockServer server = server(false);
        server.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withBody("{\"items\":[]}".repeat(2))
                .withChunkedDribbleDelay(20, 60_000)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> read(bounded(Duration.ofSeconds(1)), server.baseUrl() + "/slow?email=a@b.example"))
                .isInstanceOf(InterruptedIOException.class)
                .hasMessage("Upstream did not answer GET /slow within 1 s, the deadline of one call (connecting, the answer"
                        + " and all of its body)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCallPastItsDeadlineIsCancelled_itsConnectionClosed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            new Thread(() -> trickleUntilClosed(listener, closed)).start();

            assertThatThrownBy(() -> read(bounded(Duration.ofMillis(300)), "http://127.0.0.1:" + listener.getLocalPort() + "/t"))
                    .isInstanceOf(InterruptedIOException.class)
                    .hasMessageStartingWith("Upstream did not answer GET /t within 300 ms");
            assertThat(closed.await(10, TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
        }
    }

    @Test
    void anAnswerAnnouncingMoreThanTheCapIsRefusedUnreadAndNotAskedAgain() {
        WireMockServer server = server(false);
        server.stubFor(get("/large").willReturn(aResponse().withBody(THIRTY_MEGABYTES)));

        assertThatThrownBy(() -> read(bounded(Duration.ofSeconds(30)), server.baseUrl() + "/large"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
                    assertThat(e.getMessage()).isEqualTo("Upstream's answer to GET /large announces 31457280 bytes, more"
                            + " than the 512 KB the connector reads of one answer; not read, and not asked for again");
                });
        server.verify(1, getRequestedFor(urlEqualTo("/large")));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anAnswerWithoutALengthIsRefusedOnceItsBytesPassTheCap_theRestUnread() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            new Thread(() -> floodUntilClosed(listener, closed)).start();
            long start = System.nanoTime();

            assertThatThrownBy(() -> read(bounded(Duration.ofSeconds(30)), "http://127.0.0.1:" + listener.getLocalPort() + "/f"))
                    .isInstanceOfSatisfying(UpstreamException.class, e -> {
                        assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
                        assertThat(e.getMessage()).isEqualTo("Upstream's answer to GET /f is over the 512 KB the connector"
                                + " reads of one answer; not read, and not asked for again");
                    });
            assertThat(closed.await(10, TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void answersUpToTheCapReachTheCallerWhole_withOrWithoutALength_askedUncompressed() throws Exception {
        String atTheCap = "y".repeat(CAP);
        for (boolean chunked : new boolean[] {false, true}) {
            WireMockServer server = server(chunked);
            server.stubFor(get("/full").willReturn(aResponse().withBody(atTheCap)));
            server.stubFor(get("/empty").willReturn(aResponse().withStatus(204)));
            UpstreamClient client = bounded(Duration.ofSeconds(30));

            assertThat(new String(read(client, server.baseUrl() + "/full"), StandardCharsets.UTF_8)).isEqualTo(atTheCap);
            assertThat(read(client, server.baseUrl() + "/empty")).isEmpty();
            server.verify(getRequestedFor(urlEqualTo("/full")).withHeader("Accept-Encoding", equalTo("identity")));
        }
    }

    @Test
    void aRedirectIsNotFollowed_norAClientBuiltForFeignsOptionsThatWouldFollowIt() throws Exception {
        WireMockServer server = server(false);
        server.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
        server.stubFor(get("/elsewhere").willReturn(aResponse().withBody("followed")));
        UpstreamClient client = bounded(Duration.ofSeconds(30));
        // feign-okhttp builds a new OkHttpClient, without our bounds, for a call whose options differ from its client's
        Request.Options followingOptions = new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, true);

        try (Response response = client.execute(request(Request.HttpMethod.GET, server.baseUrl() + "/moved", null),
                followingOptions)) {
            assertThat(response.status()).isEqualTo(302);
        }
        server.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void everyCallRunsOnTheClientItBuilt_whateverFeignsOptionsSay() throws Exception {
        WireMockServer server = server(false);
        server.stubFor(get("/one").willReturn(aResponse().withBody("one")));
        List<Integer> readTimeouts = new ArrayList<>();
        UpstreamClient client = lazily(() -> new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(7))
                .addInterceptor(chain -> {
                    readTimeouts.add(chain.readTimeoutMillis());
                    return chain.proceed(chain.request());
                }).build());

        for (Request.Options options : List.of(FEIGN_DEFAULTS, new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS,
                false))) {
            client.execute(request(Request.HttpMethod.GET, server.baseUrl() + "/one", null), options).close();
        }

        // Feign's OkHttp client would have built a client of 60 s, then of 1 s, for these options
        assertThat(readTimeouts).containsExactly(7000, 7000);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPostWhoseKeptAliveConnectionFailsIsNotSentAgain() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread upstream = new Thread(() -> answerGetsHangUpOnPosts(listener, posts));
            upstream.setDaemon(true);
            upstream.start();
            UpstreamClient client = bounded(Duration.ofSeconds(10));
            String origin = "http://127.0.0.1:" + listener.getLocalPort();
            assertThat(read(client, origin + "/customers")).hasSize(2);

            // on the connection kept alive from the GET, which the upstream closes once it has the POST
            assertThatThrownBy(() -> client.execute(request(Request.HttpMethod.POST, origin + "/subscribers",
                    "{\"email\":\"x\"}".getBytes(StandardCharsets.UTF_8)), FEIGN_DEFAULTS))
                    .isInstanceOf(IOException.class);
            // the upstream has counted every POST it took once it stops accepting
            listener.close();
            upstream.join();
            assertThat(posts).as("POSTs the upstream received").hasValue(1);
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aConnectionNotAcceptedInTimeFailsAtTheConnectTimeout_beforeTheDeadline() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // nobody accepts: once its backlog is full, the listener's system drops further connection attempts
            for (int i = 0; i < 8; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 200);
                    queued.add(socket);
                } catch (IOException full) {
                    socket.close();
                    break;
                }
            }
            long start = System.nanoTime();

            assertThatThrownBy(() -> read(bounded(Duration.ofMillis(500), Duration.ofSeconds(20)),
                    "http://127.0.0.1:" + listener.getLocalPort() + "/c"))
                    .isInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    /** Answers each GET with "ok", keeping the connection; closes it without answering on a POST, once it is read. */
    private static void answerGetsHangUpOnPosts(ServerSocket listener, AtomicInteger posts) {
        while (!listener.isClosed()) {
            try (Socket connection = listener.accept()) {
                BufferedReader requests = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                        StandardCharsets.US_ASCII));
                OutputStream out = connection.getOutputStream();
                for (String line = requests.readLine(); line != null; line = requests.readLine()) {
                    boolean post = line.startsWith("POST");
                    int length = 0;
                    for (String header = requests.readLine(); header != null && !header.isEmpty(); header = requests.readLine()) {
                        if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(header.substring(15).trim());
                        }
                    }
                    requests.skip(length);
                    if (post) {
                        posts.incrementAndGet();
                        break;
                    }
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void trickleUntilClosed(ServerSocket listener, CountDownLatch closed) {
        answerUntilClosed(listener, closed, "1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), 20);
    }

    /** A chunked body, 64 KB a chunk, as fast as the client takes it, without end. */
    private static void floodUntilClosed(ServerSocket listener, CountDownLatch closed) {
        byte[] chunk = ("10000\r\n" + "z".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        answerUntilClosed(listener, closed, chunk, 0);
    }

    /** Answers one request with a chunked body, {@code chunk} after {@code chunk}, until writing fails. */
    private static void answerUntilClosed(ServerSocket listener, CountDownLatch closed, byte[] chunk, long pauseMillis) {
        try (Socket connection = listener.accept()) {
            BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                // the request's head, up to its blank line
            }
            OutputStream out = connection.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write(chunk);
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (IOException e) {
            closed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
