package com.marketbridge.application.service.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UnsupportedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTest {

    private static final MarketplaceUser BOB = new MarketplaceUser("u-bob", "bob@contoso.test", "Bob", "Buyer", null);

    @Test
    void everyEventRunsAloneUntilTheCompanysCustomerIsKnown_andNoneAfter() {
        assertThat(SideBySide.runsAlone(false)).isTrue();
        assertThat(SideBySide.runsAlone(true)).isFalse();
    }

    @Test
    void anOrdersSubscriptionIsTheAccountItCreates_soItsCancelQueuesBehindIt() {
        SubscriptionOrdered order = new SubscriptionOrdered(new EventToken("o1"), EventFlag.LIVE,
                new Company("c1", "Contoso", null, null, "CA"), BOB, new Order("webex_calling", List.of()));
        SubscriptionCancelled cancel = new SubscriptionCancelled(new EventToken("x1"), EventFlag.LIVE, "c1:bob@contoso.test", BOB);

        assertThat(SideBySide.subscriptionOf(order)).isEqualTo("c1:bob@contoso.test").isEqualTo(SideBySide.subscriptionOf(cancel));
    }

    @Test
    void anEventNamingNoAccount_isItsOwnSubscription() {
        SubscriptionOrdered noAccount = new SubscriptionOrdered(new EventToken("o2"), EventFlag.LIVE,
                new Company("c1:with-colon", "Contoso", null, null, "CA"), BOB, new Order("webex_calling", List.of()));

        assertThat(SideBySide.subscriptionOf(noAccount)).isEqualTo("o2");
        assertThat(SideBySide.subscriptionOf(new UnsupportedEvent(new EventToken("a1"), EventFlag.LIVE, "ADDON_ORDER")))
                .isEqualTo("a1");
    }
}
