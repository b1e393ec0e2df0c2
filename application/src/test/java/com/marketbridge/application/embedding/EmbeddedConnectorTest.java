package com.marketbridge.application.embedding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.application.fake.CallLog;
import com.marketbridge.application.fake.FakeMarketplaceCredentials;
import com.marketbridge.application.fake.FakeMarketplaceEvents;
import com.marketbridge.application.fake.FakeMarketplaceResults;
import com.marketbridge.application.fake.FakeWebex;
import com.marketbridge.application.fake.InMemoryEventJournal;
import com.marketbridge.application.fake.InMemoryExtensionReservations;
import com.marketbridge.application.fake.InMemoryKnownCustomers;
import com.marketbridge.application.fake.InMemorySubscriptions;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.customer.PostalAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The entry point refuses to start half-wired; examples/embedding runs what it starts. */
class EmbeddedConnectorTest {

    @Test
    void startingWithoutPortsOrTemplateNamesEachMissingOne() {
        assertThatThrownBy(() -> EmbeddedConnector.builder().start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the connector needs marketplace(...), webex(...), stores(...), customerTemplate(...)");
    }

    @Test
    void aProvisioningWaitNotBelowTheResponseBudgetIsRefused() {
        CallLog log = new CallLog();
        FakeWebex webex = new FakeWebex(log);
        EmbeddedConnector.Builder builder = EmbeddedConnector.builder()
                .marketplace(new FakeMarketplaceCredentials(log), new FakeMarketplaceEvents(log), new FakeMarketplaceResults())
                .webex(webex, webex, webex, webex, webex)
                .stores(new InMemoryEventJournal(), new InMemorySubscriptions(), new InMemoryExtensionReservations(),
                        new InMemoryKnownCustomers())
                .customerTemplate(new CustomerTemplate("tpl-1", List.of("webex_meetings"),
                        new PostalAddress("1 Main St", "Toronto", null, null, "CA"), "America/Toronto"))
                .responseBudget(Duration.ofSeconds(1))
                .provisioningWait(Duration.ofSeconds(1));

        assertThatThrownBy(builder::start).isInstanceOf(IllegalStateException.class)
                .hasMessage("the provisioning wait (PT1S) must be below the response budget (PT1S)");
    }
}
