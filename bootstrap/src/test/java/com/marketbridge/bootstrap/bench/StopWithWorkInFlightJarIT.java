package com.marketbridge.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.bootstrap.bench.BenchUpstreams.Endpoint;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar stopped (SIGTERM) while orders are in flight at a slow Webex, then started again on the same
 * data folder: no order is answered a failure for work that is then done.
 */
class StopWithWorkInFlightJarIT {

    private static final int ORDERS = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Few enough that the stop finishes their result POSTs (1 s each, two at a time) within its grace. */
    private static final int RESULTS_AT_A_STOP = 6;

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void ordersInFlightAtAStop_areAnsweredSuccessOrAccepted_andTheAcceptedOnesCompleteAfterTheRestart() throws Exception {
        try (BenchUpstreams upstreams = new BenchUpstreams(BenchUpstreams.CustomerMode.PROVISIONED, 0, 32, 300, 0)) {
            Map<String, String> settings = new HashMap<>(upstreams.settings(folder.resolve("data").toString()));
            settings.put("WORKERS", "2");
            List<String> tokens = new ArrayList<>();
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            ExecutorService appDirect = Executors.newFixedThreadPool(ORDERS);
            try (ConnectorProcess first = start(folder.resolve("first"), settings)) {
                for (int i = 1; i <= ORDERS; i++) {
                    String token = "o-0-" + i + "-" + (i % 2 == 0 ? 'c' : 'm');
                    tokens.add(token);
                    answers.add(appDirect.submit(() -> notify(first, upstreams, token)));
                }
                awaitCalls(upstreams, Endpoint.PRECHECK, 2); // both workers are at Webex
            } // SIGTERM, and the stop is waited for
            Map<String, String> answered = new HashMap<>();
            for (int i = 0; i < ORDERS; i++) {
                answered.put(tokens.get(i), answerOf(answers.get(i)));
            }
            appDirect.shutdownNow();

            assertThat(answered.values()).as("answers at the stop: %s", answered)
                    .allSatisfy(answer -> assertThat(answer).isIn("done", "accepted", "not answered"));

            try (ConnectorProcess second = start(folder.resolve("second"), settings)) {
                for (String token : tokens) {
                    if (!answered.get(token).equals("done")) {
                        Optional<BenchUpstreams.PostedResult> result = upstreams.awaitResult(token, PATIENCE);
                        assertThat(result).as("result of %s (answered %s)", token, answered.get(token)).isPresent();
                        assertThat(result.get().success()).as("result of %s: %s", token, result.get()).isTrue();
                    }
                }
                assertThat(second.port).isPositive();
            }
        }
    }

    @Test
    void resultPostsInFlightAtAStop_areFinishedAndRecorded_soTheRestartPostsEachResultOnce() throws Exception {
        try (BenchUpstreams upstreams = new BenchUpstreams(BenchUpstreams.CustomerMode.PROVISIONED, 0, 32, 200, 0)) {
            Map<String, String> settings = new HashMap<>(upstreams.settings(folder.resolve("data").toString()));
            settings.put("RESPONSE_BUDGET_MS", "100"); // every order is answered 202, and its result is posted
            settings.put("PROVISIONING_WAIT_MS", "0");
            upstreams.slowResultPosts(1_000);
            List<String> tokens = new ArrayList<>();
            try (ConnectorProcess first = start(folder.resolve("first"), settings)) {
                for (int i = 1; i <= RESULTS_AT_A_STOP; i++) {
                    String token = "o-0-" + i + "-m";
                    tokens.add(token);
                    assertThat(answerOf(CompletableFuture.completedFuture(notify(first, upstreams, token))))
                            .isEqualTo("accepted");
                }
                awaitCalls(upstreams, Endpoint.RESULT_POST, 2); // results are on their way to AppDirect
            } // SIGTERM, and the stop is waited for

            try (ConnectorProcess second = start(folder.resolve("second"), settings)) {
                for (String token : tokens) {
                    assertThat(upstreams.awaitResult(token, PATIENCE)).as("result of %s", token).isPresent();
                }
            } // the stop lets any result POST in flight finish
            assertThat(tokens).allSatisfy(token ->
                    assertThat(upstreams.resultPosts(token)).as("result POSTs of %s", token).isEqualTo(1));
        }
    }

    private static ConnectorProcess start(Path home, Map<String, String> settings) throws IOException, InterruptedException {
        return ConnectorProcess.start(Path.of(System.getProperty("marketbridge.jar")), home, settings,
                List.of("@" + System.getProperty("marketbridge.jvm-options")));
    }

    /** "done" for a 200 success with an account, "accepted" for a 202, "failed: …" for anything else. */
    private static String answerOf(Future<HttpResponse<String>> answer) throws InterruptedException {
        HttpResponse<String> response;
        try {
            response = answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException connectionClosedOrRefused) {
            return "not answered";
        } catch (java.util.concurrent.TimeoutException e) {
            return "failed: no answer within " + PATIENCE;
        }
        String body = response.body();
        if (response.statusCode() == 200 && body.contains("\"success\":true") && body.contains("accountIdentifier")) {
            return "done";
        }
        if (response.statusCode() == 202 && body.contains("\"success\":true")) {
            return "accepted";
        }
        return "failed: " + response.statusCode() + " " + body;
    }

    private static void awaitCalls(BenchUpstreams upstreams, Endpoint endpoint, long count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (upstreams.snapshot().getOrDefault(endpoint, 0L) < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(upstreams.snapshot().getOrDefault(endpoint, 0L)).isGreaterThanOrEqualTo(count);
    }

    private HttpResponse<String> notify(ConnectorProcess connector, BenchUpstreams upstreams, String token) throws Exception {
        return client.send(connector.notification(upstreams, token, PATIENCE), HttpResponse.BodyHandlers.ofString());
    }
}
