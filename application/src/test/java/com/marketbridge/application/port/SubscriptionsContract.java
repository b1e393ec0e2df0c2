package com.marketbridge.application.port;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.application.port.out.Subscriptions;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.Subscription;
import com.marketbridge.domain.subscription.SubscriptionStatus;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Subscriptions} store promises, run against the in-memory fake and against each real store. */
public abstract class SubscriptionsContract {

    protected static final String ACCOUNT = "c1:alice@contoso.test";
    private static final WebexPackage CALLING = new WebexPackage("webex_calling", true);
    private static final SubscriptionUser ALICE = new SubscriptionUser("alice@contoso.test", "Alice", "Admin", "sub-1",
            "person-1", new CallingAssignment("loc-1", "2001"));
    private static final SubscriptionUser BOB = new SubscriptionUser("bob@contoso.test", null, null, null, null);
    private static final SubscriptionUser CAROL = new SubscriptionUser("carol@contoso.test", "Carol", "Ç'ôté", "sub-3",
            new CallingAssignment("loc-1", "2003"));

    private Subscriptions subscriptions;

    /** A new, empty store for each test; the subclass closes it afterwards if it must. */
    protected abstract Subscriptions subscriptions();

    @BeforeEach
    void openStore() {
        subscriptions = subscriptions();
    }

    private static Subscription subscription(Long seats, SubscriptionStatus status, SubscriptionUser... users) {
        return new Subscription(ACCOUNT, "c1", "wx-c1", CALLING, seats, status, List.of(users));
    }

    @Test
    void anUnknownAccount_isNotFound() {
        assertThat(subscriptions.find(ACCOUNT)).isEmpty();
    }

    @Test
    void aSavedSubscription_readsBackEqualWithItsUsersInOrder() {
        Subscription saved = subscription(5L, SubscriptionStatus.ACTIVE, CAROL, ALICE, BOB);

        subscriptions.save(saved);

        assertThat(subscriptions.find(ACCOUNT)).contains(saved);
        assertThat(subscriptions.find("c1:bob@contoso.test")).isEmpty();
    }

    @Test
    void anUnlimitedSubscriptionWithoutUsers_readsBackEqual() {
        Subscription saved = subscription(null, SubscriptionStatus.CANCELLED);

        subscriptions.save(saved);

        assertThat(subscriptions.find(ACCOUNT)).contains(saved);
    }

    @Test
    void savingAgain_replacesEverythingIncludingTheUsers() {
        subscriptions.save(subscription(5L, SubscriptionStatus.ACTIVE, ALICE, BOB, CAROL));
        Subscription next = subscription(2L, SubscriptionStatus.SUSPENDED, ALICE.withoutSubscriber(), CAROL.withNames("C", "D"))
                .withPlan(new WebexPackage("webex_meetings", false), 3L);

        subscriptions.save(next);

        assertThat(subscriptions.find(ACCOUNT)).contains(next);
    }

    @Test
    void subscriptionsOfDifferentAccounts_areKeptApart() {
        Subscription alices = subscription(1L, SubscriptionStatus.ACTIVE, ALICE);
        Subscription bobs = new Subscription("c1:bob@contoso.test", "c1", "wx-c1", CALLING, null, SubscriptionStatus.ACTIVE,
                List.of(BOB, ALICE));

        subscriptions.save(alices);
        subscriptions.save(bobs);

        assertThat(subscriptions.find(ACCOUNT)).contains(alices);
        assertThat(subscriptions.find(bobs.accountIdentifier())).contains(bobs);
    }
}
