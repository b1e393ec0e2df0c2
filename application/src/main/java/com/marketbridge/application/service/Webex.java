package com.marketbridge.application.service;

import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import java.util.Objects;

/** The Webex side of fulfilment: every driven port that reaches Webex, handed over as one. */
public record Webex(WebexCustomers customers, WebexSubscribers subscribers, WebexLocations locations,
                    WebexExtensions extensions, WebexPeople people) {

    public Webex {
        Objects.requireNonNull(customers, "'customers' must not be null");
        Objects.requireNonNull(subscribers, "'subscribers' must not be null");
        Objects.requireNonNull(locations, "'locations' must not be null");
        Objects.requireNonNull(extensions, "'extensions' must not be null");
        Objects.requireNonNull(people, "'people' must not be null");
    }
}
