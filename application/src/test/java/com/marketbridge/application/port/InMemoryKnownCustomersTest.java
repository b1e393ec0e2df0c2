package com.marketbridge.application.port;

import com.marketbridge.application.fake.InMemoryKnownCustomers;
import com.marketbridge.application.port.out.KnownCustomers;

class InMemoryKnownCustomersTest extends KnownCustomersContract {

    @Override
    protected KnownCustomers customers() {
        return new InMemoryKnownCustomers();
    }
}
