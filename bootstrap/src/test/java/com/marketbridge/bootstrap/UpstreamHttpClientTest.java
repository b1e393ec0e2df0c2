package com.marketbridge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UpstreamHttpClientTest {

    private final AtomicInteger builds = new AtomicInteger();

    private HttpClient build() {
        builds.incrementAndGet();
        return HttpClient.newBuilder().build();
    }

    @Test
    void buildsNoClientUntilItIsNeeded() {
        UpstreamHttpClient client = new UpstreamHttpClient(this::build);

        assertThat(client.isBuilt()).isFalse();
        assertThat(builds).hasValue(0);
    }

    @Test
    void preparingBuildsTheClientOnceForEveryLaterCall() {
        UpstreamHttpClient client = new UpstreamHttpClient(this::build);

        client.prepare();
        client.prepare();

        assertThat(client.isBuilt()).isTrue();
        assertThat(builds).hasValue(1);
    }

    @Test
    void callersRacingForTheFirstCallShareOneClient() throws Exception {
        UpstreamHttpClient client = new UpstreamHttpClient(this::build);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(callers.submit(() -> {
                go.await();
                client.prepare();
                return null;
            }));
        }
        go.countDown();
        for (Future<?> call : calls) {
            call.get();
        }
        callers.shutdown();

        assertThat(builds).hasValue(1);
    }

    @Test
    void aClientThatCouldNotBeBuiltIsBuiltAgainByTheNextCall() {
        AtomicInteger attempts = new AtomicInteger();
        UpstreamHttpClient client = new UpstreamHttpClient(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("no TLS context");
            }
            return HttpClient.newBuilder().build();
        });

        assertThatThrownBy(client::prepare).hasMessage("no TLS context");
        client.prepare();

        assertThat(client.isBuilt()).isTrue();
        assertThat(attempts).hasValue(2);
    }
}
