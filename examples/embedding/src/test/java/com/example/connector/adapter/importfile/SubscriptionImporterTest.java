package com.example.connector.adapter.importfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.connector.adapter.memory.InMemoryExtensionReservations;
import com.example.connector.adapter.memory.InMemoryJournal;
import com.example.connector.adapter.memory.InMemoryKnownCustomers;
import com.example.connector.adapter.memory.InMemorySubscriptions;
import com.example.connector.adapter.memory.InMemoryWebex;
import com.example.connector.adapter.results.ResultsFile;
import com.marketbridge.application.embedding.EmbeddedConnector;
import com.marketbridge.application.port.in.HandleMarketplaceEventCommand;
import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.MarketplaceResults;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import run for real: a file in a folder, MarketBridge's use case wired by its entry point, and what it did. */
class SubscriptionImporterTest {

    private static final String CONTOSO = "c1a5d0f2-77e4-4a5b-9b8e-1e2f3a4b5c6d";
    private static final String FABRIKAM = "f2b6e1a3-88f5-4b6c-8c9f-2f3a4b5c6d7e";

    @TempDir
    Path folder;

    private final InMemoryWebex webex = new InMemoryWebex();
    private final InMemorySubscriptions subscriptions = new InMemorySubscriptions();
    private final ImportedEvents events = new ImportedEvents();
    private final CountDownLatch resultPosted = new CountDownLatch(1);
    private EmbeddedConnector connector;
    private SubscriptionImporter importer;

    @BeforeEach
    void start() {
        ResultsFile resultsFile = new ResultsFile(folder.resolve("results.jsonl"));
        MarketplaceResults results = (event, outcome, budget) -> {
            resultsFile.report(event, outcome, budget);
            resultPosted.countDown();
        };
        connector = EmbeddedConnector.builder()
                .marketplace(events, events, results)
                .webex(webex, webex, webex, webex, webex)
                .stores(new InMemoryJournal(), subscriptions, new InMemoryExtensionReservations(), new InMemoryKnownCustomers())
                .customerTemplate(new CustomerTemplate("provisioning-1", List.of("webex_meetings", "webex_calling"),
                        new PostalAddress("1 Main St", "Springfield", null, null, "US"), "America/New_York"))
                .provisioningWait(Duration.ZERO)
                .responseBudget(Duration.ofSeconds(2))
                .retryBackoff(Duration.ofMillis(20), Duration.ofMillis(20))
                .start();
        importer = new SubscriptionImporter(connector.useCase(), events);
    }

    @AfterEach
    void stop() {
        connector.close();
    }

    @Test
    void eachSubscriptionOfTheFileIsSubscribedInWebexAndRecorded() throws IOException {
        Path file = write("""
                [{"reference":"old-1","companyUuid":"%s","companyName":"Contoso",
                  "buyer":{"email":"alice@contoso.test","firstName":"Alice","lastName":"Admin"},
                  "edition":"webex_meetings","seats":10},
                 {"reference":"old-2","companyUuid":"%s","companyName":"Fabrikam",
                  "buyer":{"email":"bob@fabrikam.test","firstName":"Bob","lastName":"Boss"},
                  "edition":"webex_calling"}]
                """.formatted(CONTOSO, FABRIKAM));

        Map<String, Outcome> outcomes = importer.importFrom(file);

        assertThat(outcomes).containsOnlyKeys("old-1", "old-2").allSatisfy((reference, outcome) ->
                assertThat(outcome).isInstanceOf(Outcome.Completed.class));
        assertThat(webex.subscribersOf(CONTOSO)).singleElement()
                .satisfies(alice -> assertThat(alice.packageName()).isEqualTo("webex_meetings"));
        Subscription contoso = subscriptions.find(CONTOSO + ":alice@contoso.test").orElseThrow();
        assertThat(contoso.seatLimit()).isEqualTo(10L);
        assertThat(contoso.users()).extracting(SubscriptionUser::email).containsExactly("alice@contoso.test");
        Subscription fabrikam = subscriptions.find(FABRIKAM + ":bob@fabrikam.test").orElseThrow();
        assertThat(fabrikam.seatLimit()).isNull();
        assertThat(fabrikam.users().get(0).optionalCalling()).map(CallingAssignment::extension).contains("2000");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        Path file = write("""
                [{"reference":"old-1","companyUuid":"%s","companyName":"Contoso",
                  "buyer":{"email":"alice@contoso.test"},"edition":"webex_meetings"}]
                """.formatted(CONTOSO));
        Map<String, Outcome> first = importer.importFrom(file);

        Map<String, Outcome> again = importer.importFrom(file);

        assertThat(again).isEqualTo(first);
        assertThat(webex.customerCreates()).isEqualTo(1);
        assertThat(webex.subscriberCreates()).isEqualTo(1);
    }

    @Test
    void aSubscriptionWaitingForItsWebexOrganizationIsInProgressAndItsResultGoesToTheResultsFile()
            throws IOException, InterruptedException {
        webex.provisionSlowly(CONTOSO);
        Path file = write("""
                [{"reference":"old-1","companyUuid":"%s","companyName":"Contoso",
                  "buyer":{"email":"alice@contoso.test"},"edition":"webex_meetings"}]
                """.formatted(CONTOSO));

        assertThat(importer.importFrom(file).get("old-1")).isInstanceOf(Outcome.InProgress.class);
        webex.finishProvisioning(CONTOSO);

        assertThat(resultPosted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(folder.resolve("results.jsonl"))).isEqualTo("""
                {"event":"import-old-1","outcome":"COMPLETED","accountIdentifier":"%s:alice@contoso.test",\
                "message":"alice@contoso.test is subscribed to webex_meetings"}
                """.formatted(CONTOSO));
    }

    @Test
    void aSubscriptionOfAnEditionNotSoldFailsAndTheOthersGoOn() throws IOException {
        Path file = write("""
                [{"reference":"old-1","companyUuid":"%s","companyName":"Contoso",
                  "buyer":{"email":"alice@contoso.test"},"edition":"webex_gold"},
                 {"reference":"old-2","companyUuid":"%s","companyName":"Fabrikam",
                  "buyer":{"email":"bob@fabrikam.test"},"edition":"webex_meetings"}]
                """.formatted(CONTOSO, FABRIKAM));

        Map<String, Outcome> outcomes = importer.importFrom(file);

        assertThat(outcomes.get("old-1")).isInstanceOfSatisfying(Outcome.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.UNKNOWN_EDITION));
        assertThat(outcomes.get("old-2")).isInstanceOf(Outcome.Completed.class);
    }

    @Test
    void aMalformedFileIsRefusedNamingTheEntryAndImportsNothing() throws IOException {
        Path file = write("""
                [{"reference":"old-1","companyUuid":"%s","companyName":"Contoso",
                  "buyer":{"email":"alice@contoso.test"},"edition":"webex_meetings"},
                 {"reference":"old 2","companyUuid":"%s","companyName":"Fabrikam",
                  "buyer":{"email":"bob@fabrikam.test"},"edition":"webex_meetings"}]
                """.formatted(CONTOSO, FABRIKAM));

        assertThatThrownBy(() -> importer.importFrom(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2").hasMessageContaining("'old 2'");
        assertThat(webex.customerCreates()).isZero();
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanImportedWithoutIt() throws IOException {
        Path file = write("""
                [{"reference":"old-1","companyUuid":"%s","companyName":"Contoso",
                  "buyer":{"email":"alice@contoso.test"},"edition":"webex_meetings","seat":10}]
                """.formatted(CONTOSO));

        assertThatThrownBy(() -> importer.importFrom(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"seat\"");
        assertThat(webex.customerCreates()).isZero();
    }

    @Test
    void aNotificationWithoutTheImportsKeyIsNotAuthenticated() {
        Outcome outcome = connector.useCase().handle(new HandleMarketplaceEventCommand(
                new InboundNotification("POST", URI.create("https://import.example.com/notifications"), Map.of(), Map.of()),
                "https://import.example.com/events/import-old-1"));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(FailureReason.UNAUTHORIZED));
    }

    private Path write(String json) throws IOException {
        return Files.writeString(folder.resolve("subscriptions.json"), json);
    }
}
