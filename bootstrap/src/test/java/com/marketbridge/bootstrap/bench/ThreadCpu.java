package com.marketbridge.bootstrap.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connector's CPU by kind of thread, read off a thread dump ({@code jcmd PID Thread.print} gives each live
 * thread's CPU): what a profile of the start and the first events needs first, how much is the JIT compilers'.
 */
final class ThreadCpu {

    private static final Pattern THREAD = Pattern.compile("^\"([^\"]+)\".*? cpu=([0-9.]+)ms", Pattern.MULTILINE);

    /** Kinds by the start of their threads' names, in the order the report shows them; the rest is "other". */
    private static final Map<String, String> KINDS = kinds(
            "C2 CompilerThread", "JIT: C2 (optimizing)",
            "C1 CompilerThread", "JIT: C1",
            "VM Thread", "GC and safepoints (VM Thread)",
            "JettyServerThreadPool", "Jetty and Javalin: inbound HTTP",
            "qtp", "Jetty and Javalin: inbound HTTP",
            "marketbridge-worker", "worker: events",
            "marketbridge-result", "worker: result POSTs",
            "HttpClient", "upstream HTTP client (JDK selector, OkHttp pool)",
            "OkHttp", "upstream HTTP client (JDK selector, OkHttp pool)",
            "main", "main (the start)",
            "marketbridge-prepare", "upstream clients' TLS (after ready)");

    private ThreadCpu() {
    }

    /** Milliseconds of CPU per kind, from the dump's text; threads that ended are not in it. */
    static Map<String, Double> of(String dump) {
        Map<String, Double> byKind = new LinkedHashMap<>();
        KINDS.values().forEach(kind -> byKind.put(kind, 0.0));
        byKind.put("other", 0.0);
        Matcher thread = THREAD.matcher(dump);
        while (thread.find()) {
            String name = thread.group(1);
            String kind = KINDS.entrySet().stream().filter(entry -> name.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse("other");
            byKind.merge(kind, Double.parseDouble(thread.group(2)), Double::sum);
        }
        return byKind;
    }

    private static Map<String, String> kinds(String... prefixAndKind) {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (int i = 0; i < prefixAndKind.length; i += 2) {
            kinds.put(prefixAndKind[i], prefixAndKind[i + 1]);
        }
        return kinds;
    }
}
