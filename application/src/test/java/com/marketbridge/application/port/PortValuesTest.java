package com.marketbridge.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.application.service.fulfilment.FulfilmentSettings;
import com.marketbridge.application.service.fulfilment.Sleeper;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortValuesTest {

    private static final CustomerTemplate TEMPLATE = new CustomerTemplate("tpl", List.of("webex_meetings"),
            new PostalAddress("1 Main St", "Montreal", null, null, "CA"), "UTC");

    @Test
    void aNotificationReadsHeadersIgnoringCaseAndUpperCasesItsMethod() {
        InboundNotification notification = new InboundNotification("get", URI.create("https://connector.example/r"),
                Map.of("eventUrl", List.of("https://a.example/e/1")), Map.of("Authorization", List.of("Basic x", "Basic y")));

        assertThat(notification.method()).isEqualTo("GET");
        assertThat(notification.header("authorization")).contains("Basic x");
        assertThat(notification.header("X-Missing")).isEmpty();
        assertThat(notification.queryParameter("eventUrl")).contains("https://a.example/e/1");
        assertThat(notification.queryParameter("eventurl")).isEmpty();
    }

    @Test
    void aCommandNeedsItsNotificationButKeepsAMissingUrlForTheUseCaseToAnswer() {
        assertThatNullPointerException().isThrownBy(() -> new HandleMarketplaceEventCommand(null, "https://a.example/e/1"))
                .withMessage("'notification' must not be null");
        InboundNotification notification = new InboundNotification("GET", URI.create("https://c.example/r"), Map.of(), Map.of());
        assertThat(new HandleMarketplaceEventCommand(notification, null).eventUrl()).isNull();
    }

    @Test
    void anUpstreamExceptionBecomesTheSameFailure() {
        assertThat(new UpstreamException(FailureReason.UPSTREAM_REJECTED, "no", "trk").toOutcome())
                .isEqualTo(new Outcome.Failed(FailureReason.UPSTREAM_REJECTED, "no", "trk"));
        assertThat(new UpstreamException(FailureReason.EVENT_NOT_FOUND, "gone").trackingId()).isEmpty();
    }

    @ParameterizedTest(name = "wait={0} poll={1}")
    @CsvSource({"PT-1S, PT5S", "PT30S, PT0S", "PT30S, PT-5S"})
    void fulfilmentSettingsRejectANegativeWaitOrANonPositivePoll(Duration wait, Duration poll) {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(wait, poll))
                .withMessage("'provisioningWait' must not be negative and 'pollInterval' must be positive");
    }

    @Test
    void fulfilmentSettingsAllowNoWaitAtAll() {
        assertThat(settings(Duration.ZERO, Duration.ofSeconds(1)).provisioningWait()).isZero();
    }

    private static FulfilmentSettings settings(Duration wait, Duration poll) {
        return new FulfilmentSettings(EditionCatalog.defaults(), TEMPLATE, wait, poll, Clock.systemUTC(), Sleeper.system());
    }
}
