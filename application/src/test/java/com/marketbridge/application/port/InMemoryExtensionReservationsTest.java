package com.marketbridge.application.port;

import com.marketbridge.application.fake.InMemoryExtensionReservations;
import com.marketbridge.application.port.out.ExtensionReservations;

class InMemoryExtensionReservationsTest extends ExtensionReservationsContract {

    @Override
    protected ExtensionReservations reservations() {
        return new InMemoryExtensionReservations();
    }
}
