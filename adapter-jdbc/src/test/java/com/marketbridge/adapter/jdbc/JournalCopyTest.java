package com.marketbridge.adapter.jdbc;

import static com.marketbridge.application.port.EventJournalContract.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.application.port.out.EventQueries;
import com.marketbridge.domain.journal.JournalEntry;
import com.marketbridge.domain.journal.TimelineEntry;
import com.marketbridge.domain.outcome.Outcome;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving an embedded journal to PostgreSQL: a connector on the copy finds everything the embedded one held. */
class JournalCopyTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");
    private static final String ACCOUNT = "c1:alice@contoso.test";

    @TempDir
    Path dataDir;

    @Test
    void everyEventSubscriptionReservationAndCustomer_isFoundInPostgreSQLAfterTheCopy() {
        JournalEntry waiting = received("t-wait", T0).processing(T0)
                .waiting(new Outcome.InProgress("provisioning"), T0.plusSeconds(30), T0.plusSeconds(1));
        JournalEntry done = received("t-done", T0.plusSeconds(2)).processing(T0)
                .finished(new Outcome.Completed(ACCOUNT, "ok"), T0).delivered(T0);
        WebexCustomer customer = new WebexCustomer("cust-1", "c1", "org-1", CustomerStatus.PROVISIONED, List.of());
        Subscription subscription = new Subscription(ACCOUNT, "c1", "cust-1", new WebexPackage("webex_calling", true), 5L,
                SubscriptionStatus.ACTIVE, List.of(new SubscriptionUser("alice@contoso.test", "Alice", "Admin", "sub-1",
                        "person-1", new CallingAssignment("loc-1", "2000"))));
        try (JdbcStore embedded = JdbcStore.open(dataDir)) {
            embedded.journal().recordNew(received("t-wait", T0));
            embedded.journal().update(waiting, TimelineEntry.attempt(waiting));
            embedded.journal().recordNew(received("t-done", T0.plusSeconds(2)));
            embedded.journal().update(done, TimelineEntry.attempt(done));
            embedded.knownCustomers().remember(customer);
            embedded.subscriptions().save(subscription);
            embedded.reservations().reserve("loc-1", "2000", "alice@contoso.test");
        }
        PostgresSettings database = TestPostgres.newDatabase();

        var copied = JournalCopy.copy(JournalStorage.onDisk(dataDir), database);

        assertThat(copied).containsEntry("events", 2L).containsEntry("subscriptions", 1L)
                .containsEntry("subscription_users", 1L).containsEntry("extension_reservations", 1L)
                .containsEntry("customers", 1L).containsEntry("event_timeline", 1L).containsEntry("companies", 1L);
        try (JdbcStore postgres = JdbcStore.open(database)) {
            assertThat(postgres.journal().needingWork()).containsExactly(waiting);
            assertThat(postgres.journal().find(new EventToken("t-done"))).contains(done);
            assertThat(postgres.knownCustomers().find("c1")).contains(customer);
            assertThat(postgres.subscriptions().find(ACCOUNT)).contains(subscription);
            assertThat(postgres.reservations().heldBy("loc-1", "alice@contoso.test")).contains("2000");
            assertThat(postgres.queries().history(new EventToken("t-done")).orElseThrow().timeline())
                    .containsExactly(TimelineEntry.received(done), TimelineEntry.attempt(done));
            assertThat(postgres.queries().history(new EventToken("t-wait")).orElseThrow().timeline())
                    .containsExactly(TimelineEntry.received(waiting), TimelineEntry.attempt(waiting));
            assertThat(postgres.queries().events(new EventQueries.Filter(null, null, "contoso", null, null, 50, null))
                    .events()).hasSize(2);
            // the copied timeline's ids do not collide with the next one written
            postgres.leases().take("c1");
            JournalEntry waitingLonger = waiting.processing(T0.plusSeconds(3))
                    .waiting(new Outcome.InProgress("provisioning"), T0.plusSeconds(60), T0.plusSeconds(4));
            postgres.journal().update(waitingLonger, TimelineEntry.attempt(waitingLonger));
            assertThat(postgres.queries().history(new EventToken("t-wait")).orElseThrow().timeline()).hasSize(3);
        }
    }

    @Test
    void aDatabaseThatHoldsAJournalAlready_isRefused_andKeepsWhatItHeld() {
        JdbcStore.open(dataDir).close();
        PostgresSettings database = TestPostgres.newDatabase();
        try (JdbcStore postgres = JdbcStore.open(database)) {
            postgres.journal().recordNew(received("t-there", T0));
        }

        assertThatIllegalStateException().isThrownBy(() -> JournalCopy.copy(JournalStorage.onDisk(dataDir), database))
                .withMessageContaining("already holds a journal");
        try (JdbcStore postgres = JdbcStore.open(database)) {
            assertThat(postgres.journal().find(new EventToken("t-there"))).isPresent();
        }
    }
}
