package com.marketbridge.bootstrap.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whether OkHttp, as ClientsBench's "okhttp-bounded" builds it, keeps UpstreamHttpClient's guarantees (the same cases
 * as UpstreamHttpClientTest): a deadline over the whole body that closes the connection, a cap refused without reading
 * the rest, no redirect followed.
 */
class BoundedAnswersTest {

    private static final int CAP = 512 * 1024;
    private static final String THIRTY_MEGABYTES = "x".repeat(30 * 1024 * 1024);

    private final List<WireMockServer> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(WireMockServer::stop);
    }

    private static OkHttpClient bounded(Duration deadline) {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(20))
                .callTimeout(deadline).followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false)
                .addInterceptor(new BoundedAnswers(CAP)).build();
    }

    private WireMockServer server(boolean chunked) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .useChunkedTransferEncoding(chunked ? Options.ChunkedEncodingPolicy.ALWAYS : Options.ChunkedEncodingPolicy.NEVER));
        server.start();
        servers.add(server);
        return server;
    }

    private static byte[] read(OkHttpClient client, String url) throws IOException {
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            return response.body().bytes();
        }
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aBodyTricklingInEndsTheCallAtTheDeadline() {
        WireMockServer server = server(false);
        server.stubFor(get("/slow").willReturn(aResponse().withBody("{\"items\":[]}".repeat(2))
                .withChunkedDribbleDelay(20, 60_000)));
        long start = System.nanoTime();

        assertThatThrownBy(() -> read(bounded(Duration.ofSeconds(1)), server.baseUrl() + "/slow"))
                .isInstanceOf(InterruptedIOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCallPastItsDeadlineIsCancelled_itsConnectionClosed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread upstream = new Thread(() -> trickleUntilClosed(listener, closed));
            upstream.start();

            assertThatThrownBy(() -> read(bounded(Duration.ofMillis(300)), "http://127.0.0.1:" + listener.getLocalPort() + "/t"))
                    .isInstanceOf(InterruptedIOException.class);
            assertThat(closed.await(10, TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
        }
    }

    @Test
    void anAnswerAnnouncingMoreThanTheCapIsRefusedUnread() {
        WireMockServer server = server(false);
        server.stubFor(get("/large").willReturn(aResponse().withBody(THIRTY_MEGABYTES)));

        assertThatThrownBy(() -> read(bounded(Duration.ofSeconds(30)), server.baseUrl() + "/large"))
                .hasMessage("the answer announces 31457280 bytes over the cap of 524288 bytes; not read");
        server.verify(1, getRequestedFor(urlEqualTo("/large")));
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anAnswerWithoutALengthIsRefusedOnceItsBytesPassTheCap_theRestUnread() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread upstream = new Thread(() -> floodUntilClosed(listener, closed));
            upstream.start();
            long start = System.nanoTime();

            assertThatThrownBy(() -> read(bounded(Duration.ofSeconds(30)), "http://127.0.0.1:" + listener.getLocalPort() + "/f"))
                    .hasMessage("the answer is over the cap of 524288 bytes; not read");
            assertThat(closed.await(10, TimeUnit.SECONDS)).as("the upstream saw its connection closed").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void answersUpToTheCapReachTheCallerWhole_withOrWithoutALength() throws Exception {
        String atTheCap = "y".repeat(CAP);
        for (boolean chunked : new boolean[] {false, true}) {
            WireMockServer server = server(chunked);
            server.stubFor(get("/full").willReturn(aResponse().withBody(atTheCap)));
            server.stubFor(get("/empty").willReturn(aResponse().withStatus(204)));
            OkHttpClient client = bounded(Duration.ofSeconds(30));

            assertThat(new String(read(client, server.baseUrl() + "/full"), StandardCharsets.UTF_8)).isEqualTo(atTheCap);
            assertThat(read(client, server.baseUrl() + "/empty")).isEmpty();
        }
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        WireMockServer server = server(false);
        server.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));
        server.stubFor(get("/elsewhere").willReturn(aResponse().withBody("followed")));

        try (Response response = bounded(Duration.ofSeconds(30)).newCall(new Request.Builder().url(server.baseUrl() + "/moved")
                .build()).execute()) {
            assertThat(response.code()).isEqualTo(302);
        }
        server.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
    }

    private static void trickleUntilClosed(ServerSocket listener, CountDownLatch closed) {
        answerUntilClosed(listener, closed, "1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), 20);
    }

    /** A chunked body, 64 KB a chunk, as fast as the client takes it, without end. */
    private static void floodUntilClosed(ServerSocket listener, CountDownLatch closed) {
        byte[] chunk = ("10000\r\n" + "z".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        answerUntilClosed(listener, closed, chunk, 0);
    }

    private static void answerUntilClosed(ServerSocket listener, CountDownLatch closed, byte[] chunk, long pauseMillis) {
        try (Socket connection = listener.accept()) {
            BufferedReader request = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = request.readLine(); line != null && !line.isEmpty(); line = request.readLine()) {
                // the request's head
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
