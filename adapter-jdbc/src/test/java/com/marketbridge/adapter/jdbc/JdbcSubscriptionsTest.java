package com.marketbridge.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.SubscriptionsContract;
import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSubscriptionsTest extends SubscriptionsContract {

    @TempDir
    Path dataDir;

    private JdbcStore journal;

    @Override
    protected Subscriptions subscriptions() {
        journal = JdbcStore.open(dataDir);
        return journal.subscriptions();
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    @Test
    void aSavedSubscription_survivesARestart() {
        Subscription saved = new Subscription(ACCOUNT, "c1", "wx-c1", new WebexPackage("webex_meetings", false), 2L,
                SubscriptionStatus.ACTIVE, List.of(new SubscriptionUser("alice@contoso.test", "Alice", "Admin", "sub-1", null)));
        journal.subscriptions().save(saved);
        journal.close();

        journal = JdbcStore.open(dataDir);

        assertThat(journal.subscriptions().find(ACCOUNT)).contains(saved);
    }
}
