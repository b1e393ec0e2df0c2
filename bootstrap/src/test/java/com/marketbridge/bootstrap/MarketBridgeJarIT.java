package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar as a partner would, with its settings in a .env file, against WireMock upstreams. */
class MarketBridgeJarIT {

    private static final Pattern READY = Pattern.compile("MarketBridge is ready on port (\\d+)");

    @TempDir
    Path workingFolder;

    private Upstreams upstreams;
    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private CompletableFuture<Void> outputReader;

    @BeforeEach
    void startUpstreams() {
        upstreams = new Upstreams();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(15, TimeUnit.SECONDS);
        }
        upstreams.close();
    }

    private Process launch(Map<String, String> dotEnv) throws IOException {
        List<String> lines = new ArrayList<>();
        dotEnv.forEach((name, value) -> lines.add(name + "='" + value + "'"));
        Files.write(workingFolder.resolve(".env"), lines);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("marketbridge.jar"))
                .directory(workingFolder.toFile())
                .redirectErrorStream(true);
        // only the .env speaks: no setting leaks in from the build's environment
        builder.environment().keySet().removeIf(name -> !name.equals("PATH"));
        Process started = builder.start();
        outputReader = CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = started.inputReader(StandardCharsets.UTF_8)) {
                reader.lines().forEach(output::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return started;
    }

    /** Waits until a line of the process's output matches, up to 30 s; null if it never did. */
    private Matcher awaitLine(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int seen = 0; System.nanoTime() < deadline; Thread.sleep(20)) {
            for (; seen < output.size(); seen++) {
                Matcher matcher = pattern.matcher(output.get(seen));
                if (matcher.find()) {
                    return matcher;
                }
            }
            if (!process.isAlive() && outputReader.isDone()) {
                return null;
            }
        }
        return null;
    }

    @Test
    void theJarServesAnOrderWithItsSettingsFromDotEnvAndLogsNoSecret() throws Exception {
        upstreams.customerProvisioned();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(Upstreams.ALICE, "webex_meetings");
        String eventUrl = upstreams.publish("jar-order", "order.json", Map.of());
        process = launch(upstreams.settings());
        Matcher ready = awaitLine(READY);
        assertThat(ready).as("ready line in %s", output).isNotNull();

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ready.group(1)
                        + "/subscription_receiver?eventUrl=" + URLEncoder.encode(eventUrl, StandardCharsets.UTF_8) + "&eventType=create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Upstreams.BASIC_USER + ":" + Upstreams.BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"success\":true", Upstreams.COMPANY + ":" + Upstreams.ALICE);
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
        assertThat(awaitLine(Pattern.compile("event=jar-order type=SUBSCRIPTION_ORDER company=" + Upstreams.COMPANY + " outcome=COMPLETED")))
                .as("event line in %s", output).isNotNull();

        // SIGTERM through the handle: Process.destroy() would also close our end of its output
        process.toHandle().destroy();
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        outputReader.get(5, TimeUnit.SECONDS);
        assertThat(String.join("\n", output)).doesNotContain(Upstreams.BASIC_PASSWORD, "oauth-client-secret",
                "webex-static-token", "appdirect-token-1");
    }

    @Test
    void aMissingSettingStopsTheStartWithStatus2AndNamesIt() throws Exception {
        Map<String, String> settings = upstreams.settings();
        settings.remove("PROVISIONING_ID");
        settings.remove("WEBEX_TOKEN");
        process = launch(settings);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        outputReader.get(5, TimeUnit.SECONDS);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(String.join("\n", output))
                .contains("PROVISIONING_ID is missing", "WEBEX_TOKEN is missing")
                .doesNotContain("Exception", "\tat ", Upstreams.BASIC_PASSWORD);
    }
}
