package com.marketbridge.application.port;

import com.marketbridge.application.fake.InMemorySubscriptions;
import com.marketbridge.application.port.out.Subscriptions;

class InMemorySubscriptionsTest extends SubscriptionsContract {

    @Override
    protected Subscriptions subscriptions() {
        return new InMemorySubscriptions();
    }
}
