package com.marketbridge.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.bootstrap.bench.BenchUpstreams.Endpoint;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as a partner runs it, against the benchmark's Webex stand-in, which keeps every location's
 * extensions and refuses a subscriber whose extension is taken (HTTP 409, error 9495): one company orders calling
 * for 60 users at once while the lowest 60 numbers of the range are used outside the connector.
 */
class CallingAtScaleJarIT {

    private static final int PRETAKEN = 60;
    private static final int ORDERS = 60;

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sixtyConcurrentCallingOrdersOfOneCompany_allSucceedWithDistinctFreeExtensionsAtOneCheckEach() throws Exception {
        try (BenchUpstreams upstreams = new BenchUpstreams(BenchUpstreams.CustomerMode.PROVISIONED, 0, 32, 0, PRETAKEN);
             ConnectorProcess connector = ConnectorProcess.start(Path.of(System.getProperty("marketbridge.jar")), folder,
                     upstreams.settings(folder.resolve("data").toString()),
                     List.of("@" + System.getProperty("marketbridge.jvm-options")))) {
            assertThat(notify(connector, upstreams, "o-0-0-m").body()).contains("\"success\":true"); // the customer is known from now on
            Map<Endpoint, Long> before = upstreams.snapshot();

            ExecutorService appDirect = Executors.newFixedThreadPool(ORDERS);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            try {
                for (int i = 1; i <= ORDERS; i++) {
                    String token = "o-0-" + i + "-" + (i % 2 == 0 ? 'c' : 's');
                    tokens.add(token);
                    answers.add(appDirect.submit(() -> notify(connector, upstreams, token)));
                }
                for (int i = 1; i <= ORDERS; i++) {
                    HttpResponse<String> response = answers.get(i - 1).get(60, TimeUnit.SECONDS);
                    assertThat(response.body()).contains("\"success\":true");
                    if (response.statusCode() == 202) { // past the response budget on a busy machine: the result follows
                        assertThat(upstreams.awaitResult(tokens.get(i - 1), Duration.ofSeconds(60))).hasValueSatisfying(
                                result -> assertThat(result.success()).as("%s", result).isTrue());
                    } else {
                        assertThat(response.statusCode()).isEqualTo(200);
                    }
                }
            } finally {
                appDirect.shutdownNow();
            }

            Map<Endpoint, Long> after = upstreams.snapshot();
            assertThat(upstreams.refusals()).as("no create refused: no extension picked twice or from the used ones").isEmpty();
            assertThat(upstreams.extensionsTaken()).isEqualTo(PRETAKEN + ORDERS);
            assertThat(after.get(Endpoint.SUBSCRIBER_CREATE) - before.get(Endpoint.SUBSCRIBER_CREATE)).isEqualTo(ORDERS);
            assertThat(after.get(Endpoint.VALIDATE_EXTENSIONS) - before.get(Endpoint.VALIDATE_EXTENSIONS))
                    .as("validateExtensions calls for %d calling orders", ORDERS).isEqualTo(ORDERS);
        }
    }

    private HttpResponse<String> notify(ConnectorProcess connector, BenchUpstreams upstreams, String token) throws Exception {
        return client.send(connector.notification(upstreams, token, Duration.ofSeconds(30)), HttpResponse.BodyHandlers.ofString());
    }
}
