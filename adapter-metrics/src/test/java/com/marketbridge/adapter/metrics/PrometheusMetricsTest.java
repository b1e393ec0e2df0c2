package com.marketbridge.adapter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.application.port.out.FulfilmentMetrics;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.journal.EventState;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters as Prometheus scrapes them: each changes when its event happens, under its documented name and labels. */
class PrometheusMetricsTest {

    private static final String COMPANY_UUID = "c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d";
    private static final String COMPANY_NAME = "Contoso Pharmaceuticals";
    private static final String EMAIL = "alice.admin@contoso.test";
    private static final String TOKEN = "7d0c6f6e-2a51-4d7e-9a55-0b8f3c2a9e11";
    private static final String TRACKING_ID = "ROUTER_6565A8B2-tracking";
    private static final MarketplaceEvent ORDER = new SubscriptionOrdered(new EventToken(TOKEN), EventFlag.LIVE,
            new Company(COMPANY_UUID, COMPANY_NAME, "billing@contoso.test", "+1 555 0100", "US"),
            new MarketplaceUser("user-uuid-1", EMAIL, "Alice", "Admin", "en-US"),
            new Order("webex_meetings", List.of(new OrderItem("USER", 1))));

    private final MovableClock clock = new MovableClock();
    private final PrometheusMetrics metrics = new PrometheusMetrics(clock);
    private final FulfilmentMetrics fulfilment = metrics.fulfilment();

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void anAnsweredNotificationIsCountedByTypeOutcomeAndReason_andItsTimeGoesToTheAnswerHistogram() {
        fulfilment.answered(Optional.of(ORDER), new Outcome.Completed(COMPANY_UUID + ":" + EMAIL, EMAIL + " is subscribed"),
                Duration.ofMillis(40));
        fulfilment.answered(Optional.of(ORDER), new Outcome.Completed(COMPANY_UUID + ":" + EMAIL, EMAIL + " is subscribed"),
                Duration.ofMillis(30));
        fulfilment.answered(Optional.of(ORDER), new Outcome.InProgress("accepted"), Duration.ofMillis(3_010));
        fulfilment.answered(Optional.empty(), new Outcome.Failed(FailureReason.UNAUTHORIZED, "not authenticated"),
                Duration.ofMillis(1));

        String scrape = metrics.scrape();

        assertThat(scrape)
                .contains("marketbridge_events_total{outcome=\"completed\",reason=\"none\",type=\"SUBSCRIPTION_ORDER\"} 2.0")
                .contains("marketbridge_events_total{outcome=\"in_progress\",reason=\"none\",type=\"SUBSCRIPTION_ORDER\"} 1.0")
                .contains("marketbridge_events_total{outcome=\"failed\",reason=\"UNAUTHORIZED\",type=\"NONE\"} 1.0")
                .contains("# TYPE marketbridge_answer_seconds histogram")
                .contains("marketbridge_answer_seconds_bucket{outcome=\"completed\",le=\"0.025\"} 0")
                .contains("marketbridge_answer_seconds_bucket{outcome=\"completed\",le=\"0.05\"} 2")
                .contains("marketbridge_answer_seconds_bucket{outcome=\"in_progress\",le=\"3.0\"} 0")
                .contains("marketbridge_answer_seconds_bucket{outcome=\"in_progress\",le=\"4.5\"} 1")
                .contains("marketbridge_answer_seconds_count{outcome=\"completed\"} 2");
    }

    @Test
    void anEventOfATypeTheConnectorDoesNotHandle_isCountedAsUnsupported_notUnderTheMarketplacesName() {
        fulfilment.answered(Optional.of(new UnsupportedEvent(new EventToken(TOKEN), EventFlag.LIVE, "ADDON_ORDER_" + TOKEN)),
                new Outcome.Failed(FailureReason.CONFIGURATION_ERROR, "not supported"), Duration.ofMillis(5));

        assertThat(metrics.scrape())
                .contains("marketbridge_events_total{outcome=\"failed\",reason=\"CONFIGURATION_ERROR\",type=\"UNSUPPORTED\"} 1.0")
                .doesNotContain("ADDON_ORDER");
    }

    @Test
    void retriesFinishedEventsAndResultDeliveriesAreCounted() {
        fulfilment.retrying(ORDER);
        fulfilment.retrying(ORDER);
        fulfilment.finished(ORDER, new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "Webex refused " + EMAIL, TRACKING_ID));
        fulfilment.resultDelivery(FulfilmentMetrics.ResultDelivery.RETRIED);
        fulfilment.resultDelivery(FulfilmentMetrics.ResultDelivery.DELIVERED);
        fulfilment.resultDelivery(FulfilmentMetrics.ResultDelivery.PARKED);

        assertThat(metrics.scrape())
                .contains("marketbridge_event_retries_total{type=\"SUBSCRIPTION_ORDER\"} 2.0")
                .contains("marketbridge_events_finished_total{outcome=\"failed\",reason=\"UPSTREAM_REJECTED\",type=\"SUBSCRIPTION_ORDER\"} 1.0")
                .contains("marketbridge_result_deliveries_total{outcome=\"retried\"} 1.0")
                .contains("marketbridge_result_deliveries_total{outcome=\"delivered\"} 1.0")
                .contains("marketbridge_result_deliveries_total{outcome=\"parked\"} 1.0");
    }

    @Test
    void upstreamCallsRequestsServedAndJournalWriteOutsAreTimed() {
        metrics.upstreamCalled("webex", "WebexApi#createSubscriber", "200", Duration.ofMillis(120));
        metrics.upstreamCalled("webex", "WebexApi#createSubscriber", "TIMEOUT", Duration.ofSeconds(30));
        metrics.upstreamCalled("appdirect", "TokenEndpoint#grant", "200", Duration.ofMillis(80));
        metrics.served("GET", "/subscription_receiver", 200, Duration.ofMillis(45));
        metrics.journalWrittenOut(Duration.ofMillis(2));
        metrics.journalWrittenOut(Duration.ofMillis(3));

        assertThat(metrics.scrape())
                .contains("marketbridge_upstream_calls_seconds_count{operation=\"WebexApi#createSubscriber\",status=\"200\",upstream=\"webex\"} 1")
                .contains("marketbridge_upstream_calls_seconds_sum{operation=\"WebexApi#createSubscriber\",status=\"200\",upstream=\"webex\"} 0.12")
                .contains("marketbridge_upstream_calls_seconds_count{operation=\"WebexApi#createSubscriber\",status=\"TIMEOUT\",upstream=\"webex\"} 1")
                .contains("marketbridge_upstream_calls_seconds_count{operation=\"TokenEndpoint#grant\",status=\"200\",upstream=\"appdirect\"} 1")
                .contains("marketbridge_http_server_requests_seconds_count{method=\"GET\",route=\"/subscription_receiver\",status=\"200\"} 1")
                .contains("marketbridge_journal_write_out_seconds_count 2")
                .contains("marketbridge_journal_write_out_seconds_sum 0.005");
    }

    @Test
    void theJournalGauges_showItsEventsByState_andTheOldestWaitingEventsAge_readingTheJournalOncePerScrape() {
        AtomicInteger reads = new AtomicInteger();
        Instant oldestWaiting = clock.instant().minusSeconds(90);
        metrics.registerJournalGauges(() -> {
            reads.incrementAndGet();
            return new EventQueries.Overview(Map.of(EventState.WAITING, 2L, EventState.COMPLETED, 9L, EventState.FAILED, 1L),
                    9, 1, Optional.of(new EventQueries.Oldest(new EventToken("waiting-1"), oldestWaiting)), Map.of());
        });

        String scrape = metrics.scrape();

        assertThat(scrape)
                .contains("marketbridge_journal_events{state=\"WAITING\"} 2.0")
                .contains("marketbridge_journal_events{state=\"COMPLETED\"} 9.0")
                .contains("marketbridge_journal_events{state=\"PARKED\"} 0.0")
                .contains("marketbridge_journal_oldest_waiting_age_seconds 90.0");
        assertThat(reads).hasValue(1);
        assertThat(metrics.scrape()).contains("marketbridge_journal_oldest_waiting_age_seconds 90.0");
        assertThat(reads).hasValue(1);
        clock.move(Duration.ofSeconds(30));
        assertThat(metrics.scrape()).contains("marketbridge_journal_oldest_waiting_age_seconds 120.0");
        assertThat(reads).hasValue(2);
    }

    @Test
    void theJournalGauges_outliveAGarbageCollection_thoughNothingButTheRegistryHoldsThem() {
        metrics.prepare();
        metrics.registerJournalGauges(() -> new EventQueries.Overview(Map.of(EventState.WAITING, 3L), 0, 0, Optional.empty(),
                Map.of()));
        WeakReference<Object> canary = new WeakReference<>(new Object());
        for (int collections = 0; canary.get() != null && collections < 50; collections++) {
            System.gc();
        }
        assertThat(canary.get()).as("a collection ran").isNull();

        assertThat(metrics.scrape()).contains("marketbridge_journal_events{state=\"WAITING\"} 3.0")
                .contains("marketbridge_journal_oldest_waiting_age_seconds 0.0");
    }

    @Test
    void journalGaugesThatCannotBeRead_areNaN_andTheScrapeGoesOn() {
        metrics.prepare(); // the registry is built before they are registered, unlike in the test above
        metrics.registerJournalGauges(() -> {
            throw new IllegalStateException("the journal is down");
        });

        assertThat(metrics.scrape())
                .contains("marketbridge_journal_events{state=\"WAITING\"} NaN")
                .contains("marketbridge_journal_oldest_waiting_age_seconds NaN");
    }

    @Test
    void theJvmsMetersAreThere_andEveryNameStartsWithMarketbridge() {
        fulfilment.answered(Optional.of(ORDER), new Outcome.Completed(null, "done"), Duration.ofMillis(1));

        String scrape = metrics.scrape();

        assertThat(scrape).contains("marketbridge_jvm_memory_used_bytes{", "marketbridge_jvm_gc_", "marketbridge_jvm_threads_live_threads",
                "marketbridge_jvm_classes_loaded_classes", "marketbridge_system_cpu_count", "marketbridge_process_uptime_seconds",
                "marketbridge_process_files_open_files");
        assertThat(Arrays.stream(scrape.split("\n")).filter(line -> !line.startsWith("#") && !line.isBlank()))
                .isNotEmpty()
                .allMatch(line -> line.startsWith("marketbridge_"));
    }

    @Test
    void aScrapeAfterARealisticEventAndItsFailure_holdsNoCompanyUserEmailTokenNorTrackingId() {
        fulfilment.answered(Optional.of(ORDER), new Outcome.Failed(FailureReason.USER_ALREADY_EXISTS,
                EMAIL + " of " + COMPANY_NAME + " (" + COMPANY_UUID + ") belongs to another organization", TRACKING_ID),
                Duration.ofMillis(60));
        fulfilment.retrying(ORDER);
        fulfilment.finished(ORDER, new Outcome.Completed(COMPANY_UUID + ":" + EMAIL, EMAIL + " is subscribed"));
        metrics.upstreamCalled("webex", "WebexApi#findSubscribers", "200", Duration.ofMillis(10));

        String scrape = metrics.scrape();

        assertThat(scrape).contains("USER_ALREADY_EXISTS")
                .doesNotContain(EMAIL, "contoso", "Contoso", COMPANY_UUID, TOKEN, TRACKING_ID, "user-uuid-1", "Alice");
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T08:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
