package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.outcome.FailureReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class UpstreamHttpClientTest {

    private static final int CAP = 512 * 1024;
    private static final String THIRTY_MEGABYTES = "x".repeat(30 * 1024 * 1024);

    private final List<WireMockServer> servers = new ArrayList<>();

    private final AtomicInteger builds = new AtomicInteger();

    private HttpClient build() {
        builds.incrementAndGet();
        return HttpClient.newBuilder().build();
    }

    @Test
    void buildsNoClientUntilItIsNeeded() {
        UpstreamHttpClient client = new UpstreamHttpClient("Upstream", Duration.ofSeconds(5), 1024, this::build);

        assertThat(client.isBuilt()).isFalse();
        assertThat(builds).hasValue(0);
    }

    @Test
    void preparingBuildsTheClientOnceForEveryLaterCall() {
        UpstreamHttpClient client = new UpstreamHttpClient("Upstream", Duration.ofSeconds(5), 1024, this::build);

        client.prepare();
        client.prepare();

        assertThat(client.isBuilt()).isTrue();
        assertThat(builds).hasValue(1);
    }

    @Test
    void callersRacingForTheFirstCallShareOneClient() throws Exception {
        UpstreamHttpClient client = new UpstreamHttpClient("Upstream", Duration.ofSeconds(5), 1024, this::build);
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
        UpstreamHttpClient client = new UpstreamHttpClient("Upstream", Duration.ofSeconds(5), 1024, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("no TLS context");
            }
            return HttpClient.newBuilder().build();
        });

        assertThatThrownBy(client::prepare).hasMessage("no TLS context");
        client.prepare();

        assertThat(client.isBuilt()).isTrue();
        assertThat(attempts).hasValue(2);
    }

    @AfterEach
    void stopServers() {
        servers.forEach(WireMockServer::stop);
    }

    /** A WireMock on 127.0.0.1; with {@code chunked}, its answers come without a Content-Length. */
    private WireMockServer server(boolean chunked) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .useChunkedTransferEncoding(chunked ? Options.ChunkedEncodingPolicy.ALWAYS : Options.ChunkedEncodingPolicy.NEVER));
        server.start();
        servers.add(server);
        return server;
    }

    private static UpstreamHttpClient bounded(Duration deadline) {
        return UpstreamHttpClient.of("Upstream", HttpClient.Version.HTTP_1_1, Duration.ofSeconds(2), deadline, CAP);
    }

    /** As Feign's Http2Client reads an answer: the headers, then the body from a stream. */
    private static byte[] read(HttpClient client, URI uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build();
        try (InputStream body = client.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            return body.readAllBytes();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBodyTricklingInEndsTheCallAtTheDeadline_thoughEachByteCameWellWithinTheReadTimeout() {
        WireMockServer server = server(false);
        server.stubFor(get("/slow").willReturn(aResponse().withBody("{\"items\":[]}".repeat(2))
                .withChunkedDribbleDelay(20, 60_000)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> read(bounded(Duration.ofSeconds(1)), URI.create(server.baseUrl() + "/slow")))
                .isInstanceOf(HttpTimeoutException.class)
                .hasMessage("Upstream did not answer GET /slow within 1 s, the deadline of one call (connecting, the answer"
                        + " and all of its body)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Test
    void anAnswerAnnouncingMoreThanTheCapIsRefusedUnreadAndNotAskedAgain() {
        WireMockServer server = server(false);
        server.stubFor(get("/large").willReturn(aResponse().withBody(THIRTY_MEGABYTES)));

        assertThatThrownBy(() -> read(bounded(Duration.ofSeconds(30)), URI.create(server.baseUrl() + "/large")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
                    assertThat(e.getMessage()).isEqualTo("Upstream's answer to GET /large announces 31457280 bytes, more"
                            + " than the 512 KB the connector reads of one answer; not read, and not asked for again");
                });
        server.verify(1, getRequestedFor(urlEqualTo("/large")));
    }

    @Test
    void anAnswerWithoutALengthIsRefusedOnceItsBytesPassTheCap() {
        WireMockServer server = server(true);
        server.stubFor(get("/large").willReturn(aResponse().withBody(THIRTY_MEGABYTES)));

        assertThatThrownBy(() -> read(bounded(Duration.ofSeconds(30)), URI.create(server.baseUrl() + "/large")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Upstream's answer to GET /large is over the 512 KB the connector reads of one answer; not read,"
                                + " and not asked for again"));
    }

    @Test
    void answersUpToTheCapReachTheCallerWhole_withOrWithoutALength() throws Exception {
        String atTheCap = "y".repeat(CAP);
        for (boolean chunked : new boolean[] {false, true}) {
            WireMockServer server = server(chunked);
            server.stubFor(get("/full").willReturn(aResponse().withBody(atTheCap)));
            server.stubFor(get("/empty").willReturn(aResponse().withStatus(204)));
            UpstreamHttpClient client = bounded(Duration.ofSeconds(30));

            assertThat(new String(read(client, URI.create(server.baseUrl() + "/full")), StandardCharsets.UTF_8)).isEqualTo(atTheCap);
            assertThat(read(client, URI.create(server.baseUrl() + "/empty"))).isEmpty();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCallPastItsDeadlineIsCancelled_itsConnectionClosed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread upstream = new Thread(() -> trickleUntilClosed(listener, closed));
            upstream.start();

            assertThatThrownBy(() -> read(bounded(Duration.ofMillis(300)),
                    URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/trickle")))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThat(closed.await(10, TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
        }
    }

    /** Answers one request with a chunked body, a byte every 20 ms, until writing fails. */
    private static void trickleUntilClosed(ServerSocket listener, CountDownLatch closed) {
        try (Socket connection = listener.accept()) {
            BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                // the request's head, up to its blank line
            }
            OutputStream out = connection.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(20);
            }
        } catch (IOException e) {
            closed.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
