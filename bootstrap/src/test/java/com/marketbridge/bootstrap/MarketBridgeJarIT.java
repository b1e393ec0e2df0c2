package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marketbridge.adapter.jdbc.PostgresSettings;
import com.marketbridge.adapter.jdbc.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
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
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @TempDir
    Path workingFolder;

    private Upstreams upstreams;
    private final List<Connector> launched = new ArrayList<>();

    @BeforeEach
    void startUpstreams() {
        upstreams = new Upstreams();
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Connector connector : launched) {
            connector.process.destroyForcibly();
            connector.process.waitFor(15, TimeUnit.SECONDS);
        }
        upstreams.close();
    }

    /** One run of the jar and everything it printed. */
    private static final class Connector {
        final Process process;
        final List<String> output = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> reader;

        Connector(Process process) {
            this.process = process;
            // a thread of its own: the common pool has a single worker on two cores, and readers block until the end
            this.reader = new CompletableFuture<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader lines = process.inputReader(StandardCharsets.UTF_8)) {
                    lines.lines().forEach(output::add);
                    reader.complete(null);
                } catch (IOException | UncheckedIOException e) {
                    reader.completeExceptionally(e);
                }
            }, "connector-output");
            pump.setDaemon(true);
            pump.start();
        }

        /** Waits until a line of output matches; null if the process ended or time ran out first. */
        Matcher awaitLine(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            for (int seen = 0; System.nanoTime() < deadline; Thread.sleep(20)) {
                for (; seen < output.size(); seen++) {
                    Matcher matcher = pattern.matcher(output.get(seen));
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                if (!process.isAlive() && reader.isDone()) {
                    return null;
                }
            }
            return null;
        }

        int port() throws InterruptedException {
            Matcher ready = awaitLine(READY);
            assertThat(ready).as("ready line in %s", output).isNotNull();
            return Integer.parseInt(ready.group(1));
        }

        String allOutput() {
            return String.join("\n", output);
        }
    }

    /** The jar as README's run command starts it: with the JVM options mvn package writes next to it. */
    private Connector launch(Map<String, String> dotEnv) throws IOException {
        return launch(dotEnv, Path.of(System.getProperty("marketbridge.jvm-options")));
    }

    private Connector launch(Map<String, String> dotEnv, Path jvmOptions, String... moreJvmOptions) throws IOException {
        return launch(dotEnv, jvmOptions, List.of(moreJvmOptions), List.of());
    }

    private Connector launch(Map<String, String> dotEnv, Path jvmOptions, List<String> moreJvmOptions,
                             List<String> arguments) throws IOException {
        return launch(dotEnv, Map.of(), jvmOptions, moreJvmOptions, arguments);
    }

    private Connector launch(Map<String, String> dotEnv, Map<String, String> environment, Path jvmOptions,
                             List<String> moreJvmOptions, List<String> arguments) throws IOException {
        List<String> lines = new ArrayList<>();
        dotEnv.forEach((name, value) -> lines.add(name + "='" + value + "'"));
        Files.write(workingFolder.resolve(".env"), lines);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + jvmOptions));
        command.addAll(moreJvmOptions);
        command.addAll(List.of("-jar", System.getProperty("marketbridge.jar")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingFolder.toFile())
                .redirectErrorStream(true);
        // only the .env and the given environment speak: no setting leaks in from the build's environment
        builder.environment().keySet().removeIf(name -> !name.equals("PATH"));
        builder.environment().putAll(environment);
        Connector connector = new Connector(builder.start());
        launched.add(connector);
        return connector;
    }

    private static HttpResponse<String> notify(int port, String eventUrl) throws Exception {
        return HttpClient.newHttpClient().send(Upstreams.notification(port, "/subscription_receiver?eventType=create", eventUrl),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theJarServesAnOrderWithItsSettingsFromDotEnvAndLogsNoSecret() throws Exception {
        upstreams.customerProvisioned();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(Upstreams.ALICE, "webex_meetings");
        String eventUrl = upstreams.publish("jar-order", "order.json", Map.of());
        Connector connector = launch(upstreams.settings());

        HttpResponse<String> response = notify(connector.port(), eventUrl);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"success\":true", Upstreams.COMPANY + ":" + Upstreams.ALICE);
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
        assertThat(connector.awaitLine(Pattern.compile(
                "event=jar-order type=SUBSCRIPTION_ORDER company=" + Upstreams.COMPANY + " outcome=COMPLETED")))
                .as("event line in %s", connector.output).isNotNull();

        // SIGTERM through the handle: Process.destroy() would also close our end of its output
        connector.process.toHandle().destroy();
        assertThat(connector.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        connector.reader.get(5, TimeUnit.SECONDS);
        assertThat(connector.allOutput()).doesNotContain(Upstreams.BASIC_PASSWORD, "oauth-client-secret",
                "webex-static-token", "appdirect-token-1");
    }

    @Test
    void aConnectorKilledWhileWebexProvisionsResumesAfterRestartAndCreatesNothingTwice() throws Exception {
        upstreams.customerProvisionedWhenTheTestSays();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(Upstreams.ALICE, "webex_meetings");
        upstreams.resultsAccepted();
        String eventUrl = upstreams.publish("jar-crash", "order.json", Map.of());
        Map<String, String> settings = upstreams.settings();
        settings.put("PROVISIONING_WAIT_MS", "0");
        settings.put("RESPONSE_BUDGET_MS", "1000");
        Connector first = launch(settings);

        HttpResponse<String> accepted = notify(first.port(), eventUrl);
        // kill -9 once the customer is being created and the event waits for it
        assertThat(first.awaitLine(Pattern.compile("event=jar-crash state=WAITING")))
                .as("answer %s %s, output %s", accepted.statusCode(), accepted.body(), first.output).isNotNull();
        first.process.destroyForcibly();
        assertThat(first.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        upstreams.finishProvisioning();
        Connector second = launch(settings);
        // AppDirect delivers again, as it does when it misses an answer: whatever this delivery is answered, the
        // first one was told 202, so the result is still posted
        HttpResponse<String> redelivered = notify(second.port(), eventUrl);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(redelivered.statusCode()).as(redelivered.body()).isIn(200, 202);
        assertThat(redelivered.body()).contains("\"success\":true");
        assertThat(second.awaitLine(Pattern.compile("event=jar-crash resumed in state (WAITING|PROCESSING)"))).as("%s", second.output).isNotNull();
        assertThat(second.awaitLine(Pattern.compile("event=jar-crash result delivered"))).as("%s", second.output).isNotNull();
        upstreams.appDirect.verify(1, postRequestedFor(urlEqualTo("/api/integration/v1/events/jar-crash/result")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
    }

    @Test
    void theJarStartsFromTheClassDataArchivePackagedWithItAndWithoutJmx() throws Exception {
        Path classes = workingFolder.resolve("classes.log");
        Connector connector = launch(upstreams.settings(), Path.of(System.getProperty("marketbridge.jvm-options")),
                "-Xlog:class+load=info:file=" + classes);
        connector.port();
        connector.process.toHandle().destroy();
        assertThat(connector.process.waitFor(15, TimeUnit.SECONDS)).isTrue();

        String loaded = Files.readString(classes);
        // the connector's own classes come mapped from target/marketbridge.jsa, recorded by mvn package for this jar
        assertThat(loaded).contains("com.marketbridge.bootstrap.MarketBridge source: shared objects file");
        // nothing starts the platform MBean server (Jetty asked it for one number; see WebhookServer)
        assertThat(loaded).doesNotContain("javax.management.MBeanServer source");
        // nothing of the sandbox is even loaded in a normal start
        assertThat(loaded).contains("com.marketbridge.bootstrap.Connector source").doesNotContain("com.marketbridge.sandbox.");
    }

    @Test
    void withSandbox_theJarNeedsNoSettings_playsTheStory_printsTheConsole_andStopsCleanly() throws Exception {
        Connector sandbox = launch(Map.of("BASE_URL_MARKETPLACE", "not a URL", "PORT", "1"), Map.of("PORT", "0"),
                Path.of(System.getProperty("marketbridge.jvm-options")), List.of(), List.of("--sandbox"));

        int port = sandbox.port();
        Matcher console = sandbox.awaitLine(Pattern.compile("Console: http://127\\.0\\.0\\.1:(\\d+)/console/ \\(user sandbox, password \\S+\\)"));
        assertThat(console).as("console line in %s", sandbox.output).isNotNull();
        assertThat(console.group(1)).isEqualTo(String.valueOf(port));
        assertThat(sandbox.awaitLine(Pattern.compile("Ctrl-C stops the sandbox"))).isNotNull();
        String output = sandbox.allOutput();
        assertThat(output).contains("the .env in this folder is ignored", "Every step ended as planned.",
                "/sandbox/appdirect/events?send=true' -H 'Content-Type: application/json' -d '{\"email\":\"dave@contoso.example\"");
        assertThat(output).containsPattern("  1\\. first order of a new company, .*: accepted \\(202\\), result posted after .*: COMPLETED;")
                .containsPattern("  2\\. calling order .*: COMPLETED; .* on webex_calling, extension 2000")
                .containsPattern("  3\\. change of edition .*: COMPLETED; .* on webex_suite, extension 2001")
                .containsPattern("  4\\. cancel .*: COMPLETED; bob@contoso.example has no Webex subscriber nor person")
                .containsPattern("  5\\. order .*: FAILED UNKNOWN_ERROR .*trackingId ROUTERGW_sandbox-");
        Matcher journal = sandbox.awaitLine(Pattern.compile("the journal in (\\S+) \\(deleted at stop\\)"));
        assertThat(journal).isNotNull();

        // SIGTERM, as Ctrl-C
        sandbox.process.toHandle().destroy();
        assertThat(sandbox.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        sandbox.reader.get(5, TimeUnit.SECONDS);
        assertThat(sandbox.allOutput()).contains("stopping: finishing the notifications in flight").doesNotContain("\tat ");
        assertThat(Path.of(journal.group(1))).doesNotExist();
    }

    @Test
    void withoutItsArchiveTheJarStillStartsAndServes() throws Exception {
        Path options = workingFolder.resolve("no-archive.jvm-options");
        Files.writeString(options, Files.readString(Path.of(System.getProperty("marketbridge.jvm-options")))
                .replaceAll("-XX:SharedArchiveFile=\\S+", "-XX:SharedArchiveFile=" + workingFolder.resolve("missing.jsa")));
        upstreams.customerProvisioned();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(Upstreams.ALICE, "webex_meetings");
        String eventUrl = upstreams.publish("jar-without-archive", "order.json", Map.of());
        Connector connector = launch(upstreams.settings(), options);

        HttpResponse<String> response = notify(connector.port(), eventUrl);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"success\":true");
    }

    /** Starts the jar and waits for it to refuse to start: status 2; returns everything it printed. */
    private String refusedStart(Map<String, String> settings) throws Exception {
        Connector connector = launch(settings);

        assertThat(connector.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        connector.reader.get(5, TimeUnit.SECONDS);

        assertThat(connector.process.exitValue()).as(connector.allOutput()).isEqualTo(2);
        return connector.allOutput();
    }

    @Test
    void aConnectorKilledWhileWebexProvisions_isTakenOverByAnotherOnTheSameDatabase_whichPostsTheResultOnce()
            throws Exception {
        upstreams.customerProvisionedWhenTheTestSays();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(Upstreams.ALICE, "webex_meetings");
        upstreams.resultsAccepted();
        String eventUrl = upstreams.publish("jar-taken-over", "order.json", Map.of());
        PostgresSettings database = TestPostgres.newDatabase();
        Map<String, String> settings = upstreams.settings();
        settings.put("DATABASE_URL", database.url());
        settings.put("DATABASE_USERNAME", database.username());
        settings.put("DATABASE_PASSWORD", database.password().value());
        settings.put("LEASE_SECONDS", "3");
        settings.put("PROVISIONING_WAIT_MS", "0");
        settings.put("RESPONSE_BUDGET_MS", "1000");
        Connector first = launch(settings);
        HttpResponse<String> accepted = notify(first.port(), eventUrl);
        assertThat(first.awaitLine(Pattern.compile("event=jar-taken-over state=WAITING")))
                .as("answer %s %s, output %s", accepted.statusCode(), accepted.body(), first.output).isNotNull();
        Connector second = launch(settings);
        second.port();

        // kill -9 of the instance holding the company's lane, its first order waiting for Webex to provision
        first.process.destroyForcibly();
        assertThat(first.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        upstreams.finishProvisioning();

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(second.awaitLine(Pattern.compile("event=jar-taken-over taken up in state (WAITING|PROCESSING)")))
                .as("%s", second.output).isNotNull();
        assertThat(second.awaitLine(Pattern.compile("event=jar-taken-over result delivered"))).as("%s", second.output)
                .isNotNull();
        upstreams.appDirect.verify(1, postRequestedFor(urlEqualTo("/api/integration/v1/events/jar-taken-over/result")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers")));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
    }

    @Test
    void copyJournal_movesTheJournalOfDataDirToPostgreSQL_whereTheJarThenAnswersFromIt() throws Exception {
        upstreams.customerProvisioned();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(Upstreams.ALICE, "webex_meetings");
        String eventUrl = upstreams.publish("jar-moved", "order.json", Map.of());
        Connector embedded = launch(upstreams.settings());
        HttpResponse<String> answered = notify(embedded.port(), eventUrl);
        embedded.process.toHandle().destroy();
        assertThat(embedded.process.waitFor(15, TimeUnit.SECONDS)).isTrue();
        PostgresSettings database = TestPostgres.newDatabase();
        Map<String, String> settings = upstreams.settings();
        settings.put("DATABASE_URL", database.url());
        settings.put("DATABASE_USERNAME", database.username());
        settings.put("DATABASE_PASSWORD", database.password().value());

        Connector copy = launch(settings, Path.of(System.getProperty("marketbridge.jvm-options")), List.of(),
                List.of("copy-journal"));
        assertThat(copy.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        copy.reader.get(5, TimeUnit.SECONDS);
        Connector onPostgres = launch(settings);
        HttpResponse<String> redelivered = notify(onPostgres.port(), eventUrl);

        assertThat(copy.process.exitValue()).as(copy.allOutput()).isZero();
        assertThat(copy.allOutput()).contains("Copied the journal in " + upstreams.dataDir.toAbsolutePath().normalize()
                + " into PostgreSQL at " + PostgresSettings.withoutQuery(database.url()) + ": {events=1,");
        assertThat(redelivered.body()).isEqualTo(answered.body()).contains("\"success\":true");
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
    }

    @Test
    void aMissingSettingStopsTheStartWithStatus2AndNamesIt() throws Exception {
        Map<String, String> settings = upstreams.settings();
        settings.remove("PROVISIONING_ID");
        settings.remove("WEBEX_TOKEN");

        assertThat(refusedStart(settings))
                .contains("PROVISIONING_ID is missing", "WEBEX_TOKEN is missing")
                .doesNotContain("Exception", "\tat ", Upstreams.BASIC_PASSWORD);
    }

    @Test
    void anEmptyJournalFileStopsTheStartWithStatus2AndNamesIt() throws Exception {
        Map<String, String> settings = upstreams.settings();
        Path journal = Path.of(settings.get("DATA_DIR")).resolve("marketbridge.mv.db");
        Files.createDirectories(journal.getParent());
        Files.write(journal, new byte[0]); // a bad restore, or a disk that filled up at the wrong moment

        assertThat(refusedStart(settings))
                .contains("the journal file " + journal + " is empty", "restore it from a backup")
                .doesNotContain("\tat ", "ready on port");
        assertThat(Files.size(journal)).isZero();
    }

    @Test
    void aDataDirThatCannotBeAFolder_stopsTheStartWithStatus2AndNamesIt() throws Exception {
        Map<String, String> settings = upstreams.settings();
        Path dataDir = Files.writeString(workingFolder.resolve("a-file"), "not a folder").resolve("data");
        settings.put("DATA_DIR", dataDir.toString());

        assertThat(refusedStart(settings))
                .contains("MarketBridge cannot start: cannot write in DATA_DIR " + dataDir + ": ")
                .doesNotContain("\tat ", "ready on port");
    }

    @Test
    void aReadOnlyDataDir_stopsTheStartWithStatus2AndNamesIt() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Map<String, String> settings = upstreams.settings();
        Path dataDir = Path.of(settings.get("DATA_DIR"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("r-x------"));
        try {
            assumeFalse(Files.isWritable(dataDir), "the system lets this user write anyway (root)");

            assertThat(refusedStart(settings))
                    .contains("MarketBridge cannot start: cannot write in DATA_DIR " + dataDir + ": permission denied")
                    .doesNotContain("\tat ", "ready on port");
        } finally {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
