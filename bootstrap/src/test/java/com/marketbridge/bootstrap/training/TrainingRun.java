package com.marketbridge.bootstrap.training;

import java.io.IOException;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Records the connector's class data when the jar is packaged: bootstrap/pom.xml runs this right after the shade
 * plugin. What it records is what the options file names: a class-data archive (AppCDS, {@code -XX:SharedArchiveFile},
 * any JDK) or, where the JDK that packages the jar has one (25 and later), an ahead-of-time cache
 * ({@code -XX:AOTCache}: classes loaded and linked, plus the method profiles of the training, JEP 483/514/515). A
 * training run of the real jar, as a partner starts it (the shipped JVM options, its settings in a .env, a fresh
 * DATA_DIR) plus {@code -XX:ArchiveClassesAtExit} or {@code -XX:AOTCacheOutput}, against {@link TrainingUpstreams} on
 * 127.0.0.1: it waits for the ready line, serves an order and its cancel of each edition, then {@code --events} more
 * (orders, then their cancels, 8 at a time: an AOT cache's profiles are only as good as its training), and stops
 * the connector with SIGTERM, on which the JVM writes the archive or cache as it exits. Then it checks that the file
 * maps, with {@code -Xshare:on} or {@code -XX:AOTMode=on}, which refuse to start on one they cannot use. Any failure
 * fails the build, naming the connector's log.
 *
 * <p>The file fits the JDK that ran the build and the jar it trained with, nothing else: another JDK, or a jar
 * repackaged since, starts without it (JDK 17 silently, newer JDKs with one line of warning).
 *
 * <pre>
 *   TrainingRun --jar target/marketbridge.jar --options target/marketbridge.jvm-options
 *               --work target/class-data-training [--events 3000]
 * </pre>
 */
public final class TrainingRun {

    private static final Pattern READY = Pattern.compile("MarketBridge is ready on port (\\d+)");
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";
    private static final String AOT_CACHE_OPTION = "-XX:AOTCache=";
    private static final int CALLERS = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path jar;
    private final Path options;
    private final Path archive;
    private final boolean aotCache;
    private final Path work;
    private final int events;
    private final Path javaLauncher = Path.of(System.getProperty("java.home"), "bin", "java");

    TrainingRun(Path jar, Path options, Path work, int events) throws IOException {
        this.jar = jar.toAbsolutePath();
        this.options = options.toAbsolutePath();
        String named = classDataOption(options);
        this.aotCache = named.startsWith(AOT_CACHE_OPTION);
        this.archive = Path.of(named.substring(named.indexOf('=') + 1)).toAbsolutePath();
        this.work = work.toAbsolutePath();
        this.events = events;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> named = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            named.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--jar", "--options", "--work")) {
            if (!named.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required + "; see TrainingRun's class comment");
            }
        }
        long started = System.nanoTime();
        TrainingRun run = new TrainingRun(Path.of(named.get("--jar")), Path.of(named.get("--options")),
                Path.of(named.get("--work")), Integer.parseInt(named.getOrDefault("--events", "0")));
        run.record();
        System.out.printf("[training] %s %s: %.1f MB, recorded in %.1f s (%d events) with %s%n",
                run.aotCache ? "AOT cache" : "class-data archive", run.archive, Files.size(run.archive) / 1e6,
                (System.nanoTime() - started) / 1e9, 2 * TrainingUpstreams.EDITIONS + run.events, System.getProperty("java.vm.version"));
    }

    /** Trains the jar and checks the archive it leaves; throws, naming the connector's log, on any failure. */
    void record() throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the jar first");
        }
        Files.deleteIfExists(archive);
        deleteTree(work);
        Files.createDirectories(work);
        Path log = work.resolve("connector.log");
        try (TrainingUpstreams upstreams = TrainingUpstreams.start()) {
            writeDotEnv(upstreams.settings(work.resolve("data").toString()));
            List<String> command = new ArrayList<>();
            command.add(javaLauncher.toString());
            command.addAll(jvmOptions(options));
            if (aotCache) {
                // the cache keeps the profiles the training gathers: it trains with the JIT compilers as shipped
                command.add("-XX:AOTCacheOutput=" + archive);
            } else {
                // the archive holds classes, not profiles or code: the training run spares the build the optimizing compiler
                command.add("-XX:TieredStopAtLevel=1");
                command.add("-XX:ArchiveClassesAtExit=" + archive);
            }
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            // only the .env speaks: no setting leaks in from the build's environment
            builder.environment().keySet().removeIf(name -> !name.equals("PATH"));
            Process connector = builder.start();
            try {
                // built while the connector starts: a client loads its TLS context, half a second of CPU
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
                int port = awaitReady(connector, log);
                for (int n = 0; n < TrainingUpstreams.EDITIONS; n++) {
                    serve(client, port, upstreams.order(n), log);
                    serve(client, port, upstreams.cancel(n), log);
                }
                serveAll(client, port, upstreams, log);
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() != 200) {
                    throw failure("/ready answered " + ready.statusCode() + " " + ready.body(), log);
                }
                // SIGTERM: the shutdown hook closes the connector, then the JVM writes the archive as it exits
                connector.toHandle().destroy();
                if (!connector.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw failure("the connector did not stop within " + PATIENCE.toSeconds() + " s of SIGTERM", log);
                }
            } finally {
                connector.destroyForcibly();
            }
        }
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            throw failure("the JVM wrote no " + (aotCache ? "AOT cache" : "class-data archive") + " at " + archive, log);
        }
        checkArchiveMaps(log);
    }

    /**
     * The JVM options of the file, as the java launcher reads an argument file ({@code java @file}): tokens
     * separated by white space, {@code #} starts a comment. The archive or cache option is dropped: the training
     * run records it instead of using one.
     */
    static List<String> jvmOptions(Path file) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int comment = line.indexOf('#');
            String text = comment >= 0 ? line.substring(0, comment) : line;
            for (String token : text.trim().split("\\s+")) {
                if (token.contains("\"") || token.contains("'")) {
                    throw new IllegalArgumentException(file + ": quoted options are not supported here: " + token);
                }
                if (!token.isEmpty() && !token.startsWith(ARCHIVE_OPTION) && !token.startsWith(AOT_CACHE_OPTION)) {
                    options.add(token);
                }
            }
        }
        return options;
    }

    /** The file's class-data option: {@code -XX:SharedArchiveFile=...} or {@code -XX:AOTCache=...}, the last one given. */
    static String classDataOption(Path file) throws IOException {
        String named = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int comment = line.indexOf('#');
            for (String token : (comment >= 0 ? line.substring(0, comment) : line).trim().split("\\s+")) {
                if (token.startsWith(ARCHIVE_OPTION) || token.startsWith(AOT_CACHE_OPTION)) {
                    named = token;
                }
            }
        }
        if (named == null) {
            throw new IllegalArgumentException(file + " names no " + ARCHIVE_OPTION + " nor " + AOT_CACHE_OPTION + ": nothing to record");
        }
        return named;
    }

    /** The orders of subscribers past the first ones, then their cancels, {@link #CALLERS} at a time. */
    private void serveAll(HttpClient client, int port, TrainingUpstreams upstreams, Path log) throws IOException, InterruptedException {
        int first = TrainingUpstreams.EDITIONS;
        int subscribers = events / 2;
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            for (boolean orders : new boolean[] {true, false}) {
                List<Future<?>> sent = new ArrayList<>();
                for (int n = first; n < first + subscribers; n++) {
                    String url = orders ? upstreams.order(n) : upstreams.cancel(n);
                    sent.add(callers.submit(() -> {
                        serve(client, port, url, log);
                        return null;
                    }));
                }
                for (Future<?> each : sent) {
                    try {
                        each.get();
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof IllegalStateException failed ? failed
                                : failure("a training notification failed: " + e.getCause(), log);
                    }
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private void writeDotEnv(Map<String, String> settings) throws IOException {
        List<String> lines = new ArrayList<>();
        settings.forEach((name, value) -> lines.add(name + "='" + value + "'"));
        Files.write(work.resolve(".env"), lines);
    }

    private int awaitReady(Process connector, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher ready = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (ready.find()) {
                return Integer.parseInt(ready.group(1));
            }
            if (!connector.isAlive()) {
                throw failure("the connector exited with status " + connector.exitValue() + " before it was ready", log);
            }
            Thread.sleep(20);
        }
        throw failure("the connector was not ready within " + PATIENCE.toSeconds() + " s", log);
    }

    /** AppDirect's notification of the event; the connector must answer it with success (200, or 202 if slow). */
    private void serve(HttpClient client, int port, String eventUrl, Path log) throws IOException, InterruptedException {
        String credentials = TrainingUpstreams.BASIC_USER + ":" + TrainingUpstreams.BASIC_PASSWORD;
        HttpRequest notification = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events?eventUrl="
                        + URLEncoder.encode(eventUrl, StandardCharsets.UTF_8)))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> answer = client.send(notification, HttpResponse.BodyHandlers.ofString());
        if ((answer.statusCode() != 200 && answer.statusCode() != 202) || !answer.body().contains("\"success\":true")) {
            throw failure("the training notification of " + eventUrl + " was answered " + answer.statusCode() + " "
                    + answer.body(), log);
        }
    }

    /** -Xshare:on and -XX:AOTMode=on make the JVM refuse to start on a file it cannot map, where the default just runs without. */
    private void checkArchiveMaps(Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher.toString());
        command.addAll(jvmOptions(options));
        command.addAll(aotCache ? List.of("-XX:AOTMode=on", AOT_CACHE_OPTION + archive) : List.of("-Xshare:on", ARCHIVE_OPTION + archive));
        command.addAll(List.of("-cp", jar.toString(), "-version"));
        Path output = work.resolve("archive-check.log");
        Process check = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!check.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS) || check.exitValue() != 0) {
            check.destroyForcibly();
            throw failure("the JVM cannot use the " + (aotCache ? "AOT cache" : "archive") + " it wrote:\n" + Files.readString(output), log);
        }
    }

    private static IllegalStateException failure(String what, Path log) throws IOException {
        String output = Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
        String[] lines = output.split("\n");
        String tail = String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
        return new IllegalStateException("Class-data training failed: " + what + "\nThe connector's log is "
                + log + "; its end:\n" + tail);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
