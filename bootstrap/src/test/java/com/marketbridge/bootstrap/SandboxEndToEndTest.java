package com.marketbridge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.adapter.jdbc.JdbcStore;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sandbox} in-process: the story through the real wiring, against the sandbox's simulated upstreams. */
class SandboxEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void theStoryEndsAsPlanned_asWebexAndTheJournalShow() throws Exception {
        Path dataDir = folder.resolve("data");
        Files.writeString(folder.resolve(".env"), "PORT=1\nBASE_URL_MARKETPLACE=not a URL\n");
        JsonNode webex;
        String failedToken;
        try (SandboxRun sandbox = SandboxRun.start(Map.of("PORT", "0", "DATA_DIR", dataDir.toString()),
                folder.resolve(".env"), out)) {
            boolean asPlanned = sandbox.play(out);
            String output = output();

            assertThat(asPlanned).as(output).isTrue();
            assertThat(output).contains(".env in this folder is ignored", "Every step ended as planned.",
                    "Console: http://127.0.0.1:" + sandbox.connector().port() + "/console/ (user sandbox, password ");
            assertThat(step(1)).contains("accepted (202), result posted after", ": COMPLETED;",
                    "Webex has 1 customer for the company, [CUST-1 provisioned], created by 1 POST /wholesale/customers");
            assertThat(step(2)).contains(": COMPLETED;", "bob@contoso.example is Webex subscriber", "on webex_calling, extension 2000");
            assertThat(step(3)).contains(": COMPLETED;", "alice@contoso.example is Webex subscriber", "on webex_suite, extension 2001");
            assertThat(step(4)).contains(": COMPLETED;", "bob@contoso.example has no Webex subscriber nor person");
            assertThat(step(5)).contains(": FAILED UNKNOWN_ERROR \"Webex refused to create subscriber erin@contoso.example (HTTP 400)");
            JsonNode oneMore = pastedCurl(output);
            assertThat(oneMore.path("answer").path("status").asInt()).as("%s", oneMore).isEqualTo(200);
            assertThat(oneMore.path("answer").path("body").path("accountIdentifier").asText()).endsWith(":dave@contoso.example");
            webex = get(matched("simulated Webex on (http://127\\.0\\.0\\.1:\\d+)/v1", output) + "/sandbox/webex/state");
            failedToken = matched("  5\\. .*\\[event ([0-9a-f-]+)]", output);
        }

        assertThat(webex.path("customers")).hasSize(1);
        assertThat(webex.path("customers").get(0).path("status").asText()).isEqualTo("provisioned");
        assertThat(webex.path("calls").path("POST /v1/wholesale/customers").asInt()).isEqualTo(1);
        assertThat(webex.path("calls").path("PUT /v1/wholesale/subscribers/{id}").asInt()).isEqualTo(1);
        assertThat(webex.path("calls").path("DELETE /v1/wholesale/subscribers/{id}").asInt()).isEqualTo(1);
        assertThat(webex.path("calls").path("DELETE /v1/people/{id}").asInt()).isEqualTo(1);
        assertThat(texts(webex.path("subscribers"), "email")).containsExactly("alice@contoso.example", "dave@contoso.example");
        assertThat(texts(webex.path("subscribers"), "package")).containsExactly("webex_suite", "webex_calling");
        assertThat(texts(webex.path("people"), "extension")).containsExactly("2001", "2000");
        JsonNode refusal = webex.path("refusals").get(0);
        assertThat(refusal.path("call").asText()).isEqualTo("POST /v1/wholesale/subscribers");
        try (JdbcStore journal = JdbcStore.open(dataDir)) {
            JournalEntry failed = journal.journal().find(new EventToken(failedToken)).orElseThrow();
            assertThat(failed.state()).isEqualTo(EventState.FAILED);
            assertThat(failed.outcome()).isInstanceOfSatisfying(Outcome.Failed.class, outcome -> {
                assertThat(outcome.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
                assertThat(outcome.trackingId()).isEqualTo(refusal.path("trackingId").asText()).startsWith("ROUTERGW_sandbox-");
            });
        }
    }

    @Test
    void withoutDataDir_theJournalIsInATemporaryFolder_deletedAtStop() throws Exception {
        Path journal;
        try (SandboxRun sandbox = SandboxRun.start(Map.of("PORT", "0"), folder.resolve(".env"), out)) {
            journal = Path.of(matched("the journal in (\\S+) \\(deleted at stop\\)", output()));
            assertThat(journal).isDirectory();
            assertThat(Upstreams.isReady(sandbox.connector().port())).isTrue();
        }

        assertThat(output()).contains("no .env read");
        assertThat(journal).doesNotExist();
    }

    @Test
    void aPortTakenIsSaidClearly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SandboxRun.start(Map.of("PORT", String.valueOf(taken.getLocalPort())),
                    folder.resolve(".env"), out))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("port " + taken.getLocalPort() + " is taken (")
                    .hasMessageContaining("PORT=5003 java -jar bootstrap/target/marketbridge.jar --sandbox");
        }
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private String step(int number) {
        return output().lines().filter(line -> line.startsWith("  " + number + ". ")).findFirst().orElseThrow();
    }

    private static String matched(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    /** Does what the printed curl command does: {@code curl -s -X POST '<url>' -H '<header>' -d '<json>'}. */
    private static JsonNode pastedCurl(String output) throws Exception {
        Matcher curl = Pattern.compile("\n  curl -s -X POST '([^']+)' -H 'Content-Type: application/json' -d '([^']+)'\n")
                .matcher(output);
        assertThat(curl.find()).as(output).isTrue();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(curl.group(1)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(curl.group(2))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private static List<String> texts(JsonNode items, String field) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path(field).asText()).toList();
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
