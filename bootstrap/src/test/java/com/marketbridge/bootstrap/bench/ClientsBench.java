package com.marketbridge.bootstrap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 13's micro-benchmark of Feign's outbound clients, not a test: CPU per call of each client ({@link ClientsRun},
 * a fresh JVM per run, with the connector's heap and GC options) against a stub upstream in another process
 * ({@link ClientsStub}), over plain HTTP and over TLS (a self-signed certificate for 127.0.0.1 that every client trusts
 * through javax.net.ssl.trustStore), the runs interleaved (jdk, okhttp, hc5, jdk, ...). Run it alone on the machine:
 * <pre>
 *   mvn -B -q test-compile dependency:build-classpath -pl bootstrap -am -Dmdep.outputFile=/tmp/clients.cp
 *   flock /tmp/bench.lock java -cp bootstrap/target/test-classes:bootstrap/target/classes:$(cat /tmp/clients.cp) \
 *       com.marketbridge.bootstrap.bench.ClientsBench --rounds 3
 * </pre>
 * Clients ({@link ClientsRun#client}): {@code jdk} (Http2Client over UpstreamHttpClient, as bootstrap builds it),
 * {@code jdk-plain} (the same JDK client without UpstreamHttpClient), {@code okhttp} and {@code hc5} (Feign's clients
 * with keep-alive, connect and read timeouts, no redirects), {@code okhttp-bounded} (OkHttp keeping UpstreamHttpClient's
 * guarantees: call timeout over the body, {@link BoundedAnswers}, no silent retry; see BoundedAnswersTest).
 * Options: {@code --rounds 3}, {@code --clients jdk,okhttp,hc5}, {@code --schemes http,https}, {@code --cold 1000},
 * {@code --warmup 30000}, {@code --calls 30000}, {@code --callers 8}.
 */
public final class ClientsBench {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");
    private static final List<String> JVM = List.of("-Xmx48m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m");

    private ClientsBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("rounds", "3", "clients", "jdk,okhttp,hc5",
                "schemes", "http,https", "cold", "1000", "warmup", "30000", "calls", "30000", "callers", "8"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        Path work = Files.createTempDirectory("clients-bench");
        Path keyStore = work.resolve("stub.p12");
        String password = "changeit";
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "stub",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", password));

        Map<String, Process> stubs = new LinkedHashMap<>();
        Map<String, String> urls = new LinkedHashMap<>();
        for (String scheme : options.get("schemes").split(",")) {
            Process stub = new ProcessBuilder(java, "-Xmx128m", "-Dsun.net.httpserver.nodelay=true", "-cp", classPath,
                    ClientsStub.class.getName(), scheme, keyStore.toString(), password)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String port = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8)).readLine();
            stubs.put(scheme, stub);
            urls.put(scheme, scheme + "://127.0.0.1:" + port);
        }
        List<Map<String, String>> results = new ArrayList<>();
        try {
            int rounds = Integer.parseInt(options.get("rounds"));
            for (int round = 1; round <= rounds; round++) {
                for (String scheme : urls.keySet()) {
                    for (String client : options.get("clients").split(",")) {
                        String load = Files.readString(Path.of("/proc/loadavg")).trim();
                        List<String> command = new ArrayList<>(List.of(java));
                        command.addAll(JVM);
                        command.addAll(List.of("-Djavax.net.ssl.trustStore=" + keyStore,
                                "-Djavax.net.ssl.trustStorePassword=" + password, "-Djavax.net.ssl.trustStoreType=PKCS12",
                                "-cp", classPath, ClientsRun.class.getName(), client, urls.get(scheme), options.get("cold"),
                                options.get("warmup"), options.get("calls"), options.get("callers")));
                        String output = run(command);
                        Map<String, String> result = new LinkedHashMap<>();
                        result.put("round", String.valueOf(round));
                        result.put("scheme", scheme);
                        result.put("load", load.substring(0, load.indexOf(' ', load.indexOf(' ', load.indexOf(' ') + 1) + 1)));
                        String line = output.lines().filter(l -> l.startsWith("RESULT")).findFirst()
                                .orElseThrow(() -> new IllegalStateException("no result: " + output));
                        Matcher field = FIELD.matcher(line);
                        while (field.find()) {
                            result.put(field.group(1), field.group(2));
                        }
                        results.add(result);
                        System.out.println(result);
                    }
                }
            }
        } finally {
            stubs.values().forEach(Process::destroy);
        }
        System.out.println();
        System.out.println(summary(results));
    }

    /** Per client and scheme: the median and range of each figure over the rounds. */
    static String summary(List<Map<String, String>> results) {
        StringBuilder table = new StringBuilder("| client | scheme | cold CPU/call µs (median [min-max]) | cold Java threads |"
                + " warm CPU/call µs | warm Java threads | calls/s warm | threads added | heap KB | errors | load avg |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        results.forEach(r -> groups.computeIfAbsent(r.get("client") + " " + r.get("scheme"), k -> new ArrayList<>()).add(r));
        groups.forEach((key, runs) -> {
            Map<String, String> first = runs.get(0);
            table.append("| ").append(first.get("client")).append(" | ").append(first.get("scheme"))
                    .append(" | ").append(spread(runs, "coldCpuUs")).append(" | ").append(spread(runs, "coldJavaCpuUs"))
                    .append(" | ").append(spread(runs, "warmCpuUs")).append(" | ").append(spread(runs, "warmJavaCpuUs"))
                    .append(" | ").append(spread(runs, "callsPerS")).append(" | ").append(first.get("threads"))
                    .append(" (").append(first.getOrDefault("threadNames", "none")).append(") | ").append(spread(runs, "heapKB"))
                    .append(" | ").append(runs.stream().mapToInt(r -> Integer.parseInt(r.get("errors"))).sum())
                    .append(" | ").append(String.join("; ", runs.stream().map(r -> r.get("load")).toList())).append(" |\n");
        });
        return table.toString();
    }

    private static String spread(List<Map<String, String>> runs, String field) {
        double[] values = runs.stream().mapToDouble(r -> Double.parseDouble(r.get(field))).sorted().toArray();
        double median = values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        return String.format("%.0f [%.0f-%.0f]", median, values[0], values[values.length - 1]);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
