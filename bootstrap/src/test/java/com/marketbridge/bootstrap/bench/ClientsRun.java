package com.marketbridge.bootstrap.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marketbridge.adapter.webex.WebexSettings;
import com.marketbridge.bootstrap.UpstreamHttpClientsForBench;
import com.marketbridge.domain.credential.Secret;
import feign.Client;
import feign.Feign;
import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.ConnectionPool;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * One run of {@link ClientsBench} in a fresh JVM: one Feign client ({@code jdk}: Http2Client over the connector's
 * UpstreamHttpClient, as bootstrap builds it for Webex; {@code okhttp}: feign-okhttp; {@code hc5}: feign-hc5), the
 * Webex settings' bounds where the client has them (connect 5 s, read 20 s, no redirects; OkHttp's call timeout 30 s),
 * driven by {@code callers} threads through GET (200, JSON), POST (about 300 bytes of JSON, 201 with JSON) and DELETE
 * (204) in turn, against {@link ClientsStub} (another process: its CPU is not counted here). Prints one RESULT line:
 * the process's CPU per call over the first {@code cold} calls (from just before the client is built: its TLS context,
 * class loading, interpretation and JIT included), then, after {@code warmup} calls, over {@code calls} more; the
 * same for the Java threads only (callers and the client's threads, without JIT and GC); the threads the client
 * added; the heap it retains after a full GC.
 * Arguments: {@code client baseUrl cold warmup calls callers}.
 */
public final class ClientsRun {

    @Headers({"Accept: application/json", "Content-Type: application/json"})
    interface Api {

        @RequestLine("GET /wholesale/customers/{customerId}")
        Customer customer(@Param("customerId") String customerId);

        @RequestLine("POST /wholesale/subscribers")
        Subscriber createSubscriber(NewSubscriber subscriber);

        @RequestLine("DELETE /wholesale/subscribers/{subscriberId}")
        void removeSubscriber(@Param("subscriberId") String subscriberId);
    }

    public record Customer(String id, String orgId, String externalId, String status, List<String> packages) {
    }

    public record Subscriber(String id, String customerId, String email, String status) {
    }

    public record NewSubscriber(String customerId, String email, String firstName, String lastName, String primaryPhoneNumber,
                                String extension, String locationId, String packageName, List<String> packages) {
    }

    private static final NewSubscriber NEW_SUBSCRIBER = new NewSubscriber(
            "Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzEyMzQ1", "jane.doe@example.com", "Jane", "Doe", "+13125550100", "4100",
            "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzk4NzY", "webex_calling", List.of("webex_calling", "webex_meetings"));

    private ClientsRun() {
    }

    public static void main(String[] args) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String kind = args[0];
        URI baseUrl = URI.create(args[1]);
        int cold = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int calls = Integer.parseInt(args[4]);
        int callers = Integer.parseInt(args[5]);

        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            started.add(pool.submit(() -> { }));
        }
        for (Future<?> f : started) {
            f.get();
        }
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Set<Long> threadsBefore = ids(threads);
        long startCpu = os.getProcessCpuTime();

        long cpu0 = os.getProcessCpuTime();
        long java0 = javaCpu(threads);
        Client client = client(kind, baseUrl);
        Api api = Feign.builder()
                .client(client)
                .options(new Request.Options(5, TimeUnit.SECONDS, 20, TimeUnit.SECONDS, false))
                .encoder(new JacksonEncoder(json))
                .decoder(new JacksonDecoder(json))
                .retryer(Retryer.NEVER_RETRY)
                .requestInterceptor(request -> request.header("Authorization", "Bearer token-0123456789abcdef"))
                .target(Api.class, baseUrl.toString());
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        drive(pool, api, cold, callers, errors, firstError);
        long cpu1 = os.getProcessCpuTime();
        long java1 = javaCpu(threads);
        Set<String> added = new TreeSet<>();
        for (ThreadInfo info : threads.getThreadInfo(ids(threads).stream().filter(id -> !threadsBefore.contains(id))
                .mapToLong(Long::longValue).toArray())) {
            if (info != null) {
                added.add(info.getThreadName().replaceAll("[0-9]+", "N"));
            }
        }
        int threadCount = threads.getThreadCount() - threadsBefore.size();

        drive(pool, api, warmup, callers, errors, firstError);
        long cpu2 = os.getProcessCpuTime();
        long java2 = javaCpu(threads);
        long wall2 = System.nanoTime();
        drive(pool, api, calls, callers, errors, firstError);
        long wall3 = System.nanoTime();
        long cpu3 = os.getProcessCpuTime();
        long java3 = javaCpu(threads);
        gc();
        long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

        System.out.printf("RESULT client=%s url=%s jvmStartCpuMs=%.0f coldCpuUs=%.1f coldJavaCpuUs=%.1f warmCpuUs=%.1f"
                        + " warmJavaCpuUs=%.1f callsPerS=%.0f threads=%d threadNames=%s heapKB=%d errors=%d%n",
                kind, baseUrl, startCpu / 1e6, (cpu1 - cpu0) / 1e3 / cold, (java1 - java0) / 1e3 / cold,
                (cpu3 - cpu2) / 1e3 / calls, (java3 - java2) / 1e3 / calls, calls / ((wall3 - wall2) / 1e9),
                threadCount, String.join("|", added), (heapAfter - heapBefore) / 1024, errors.get());
        if (firstError.get() != null) {
            firstError.get().printStackTrace();
        }
        // keeps the client reachable through the last GC
        System.out.println("# " + client.getClass().getSimpleName());
        pool.shutdownNow();
        System.exit(0);
    }

    static Client client(String kind, URI baseUrl) {
        switch (kind) {
            case "jdk":
                return new Http2Client(UpstreamHttpClientsForBench.webex(
                        WebexSettings.staticToken(baseUrl, new Secret("token-0123456789abcdef"))));
            case "jdk-plain":
                // the same JDK client without UpstreamHttpClient's bounds: what the bounds cost
                return new Http2Client(java.net.http.HttpClient.newBuilder()
                        .version(java.net.http.HttpClient.Version.HTTP_2)
                        .connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                        .executor(Runnable::run)
                        .build());
            case "okhttp-bounded":
                // what a replacement of UpstreamHttpClient would be: call timeout over the body, size cap, no retry
                return new feign.okhttp.OkHttpClient(new okhttp3.OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(20))
                        .callTimeout(Duration.ofSeconds(30))
                        .followRedirects(false)
                        .followSslRedirects(false)
                        .retryOnConnectionFailure(false)
                        .addInterceptor(new BoundedAnswers(WebexSettings.DEFAULT_MAX_ANSWER_BYTES))
                        .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
                        .build());
            case "okhttp":
                return new feign.okhttp.OkHttpClient(new okhttp3.OkHttpClient.Builder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .readTimeout(Duration.ofSeconds(20))
                        .callTimeout(Duration.ofSeconds(30))
                        .followRedirects(false)
                        .followSslRedirects(false)
                        .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
                        .build());
            case "hc5":
                return new feign.hc5.ApacheHttp5Client(HttpClients.custom()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .setMaxConnPerRoute(16)
                                .setMaxConnTotal(16)
                                .setDefaultConnectionConfig(ConnectionConfig.custom()
                                        .setConnectTimeout(Timeout.ofSeconds(5))
                                        .setSocketTimeout(Timeout.ofSeconds(20))
                                        .build())
                                .build())
                        .disableRedirectHandling()
                        .build());
            default:
                throw new IllegalArgumentException("no client " + kind);
        }
    }

    private static void drive(ExecutorService pool, Api api, int calls, int callers, AtomicInteger errors,
                              AtomicReference<Throwable> firstError) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                    try {
                        call(api, i);
                    } catch (RuntimeException failed) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, failed);
                    }
                }
            }));
        }
        for (Future<?> caller : running) {
            caller.get();
        }
    }

    private static void call(Api api, int i) {
        switch (i % 3) {
            case 0 -> {
                if (!"provisioned".equals(api.customer("Y2lzY29zcGFyazovL3VzL0NVU1RPTUVSLzEyMzQ1").status())) {
                    throw new IllegalStateException("unexpected customer");
                }
            }
            case 1 -> {
                if (api.createSubscriber(NEW_SUBSCRIBER).id() == null) {
                    throw new IllegalStateException("unexpected subscriber");
                }
            }
            default -> api.removeSubscriber("Y2lzY29zcGFyazovL3VzL1NVQlNDUklCRVIvOTg3");
        }
    }

    private static Set<Long> ids(ThreadMXBean threads) {
        Set<Long> ids = new HashSet<>();
        Arrays.stream(threads.getAllThreadIds()).forEach(ids::add);
        return ids;
    }

    /** CPU of the live Java threads (not the JIT compilers' or GC's). */
    private static long javaCpu(ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu > 0) {
                sum += cpu;
            }
        }
        return sum;
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }
}
