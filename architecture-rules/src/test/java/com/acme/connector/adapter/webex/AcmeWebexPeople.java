package com.acme.connector.adapter.webex;

import com.marketbridge.application.port.out.WebexPeople;

/** Fixture: a driven port implemented where the rules want it, in an adapter package. */
public final class AcmeWebexPeople implements WebexPeople {

    @Override
    public boolean removeByEmail(String orgId, String email) {
        return false;
    }

    @Override
    public boolean removeById(String personId, String email) {
        return false;
    }
}
