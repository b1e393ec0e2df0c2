package com.acme.connector.people;

import com.marketbridge.application.port.out.WebexPeople;

/** Fixture: a driven port implemented outside any adapter package. */
public final class MisplacedWebexPeople implements WebexPeople {

    @Override
    public boolean removeByEmail(String orgId, String email) {
        return false;
    }

    @Override
    public boolean removeById(String personId, String email) {
        return false;
    }
}
