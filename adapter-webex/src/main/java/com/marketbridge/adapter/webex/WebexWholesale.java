package com.marketbridge.adapter.webex;

import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import feign.Client;

/** The Webex Wholesale adapter: every Webex port, sharing one HTTP client, one token source and one retry policy. */
public final class WebexWholesale {

    private final WebexCustomers customers;
    private final WebexSubscribers subscribers;
    private final WebexLocations locations;
    private final WebexExtensions extensions;
    private final WebexPeople people;

    private WebexWholesale(WebexApi api, WebexCalls calls, WebexSettings settings) {
        NextLinks links = NextLinks.of(settings.baseUrl());
        this.customers = new WebexCustomersAdapter(api, calls, links);
        this.subscribers = new WebexSubscribersAdapter(api, calls, links);
        this.locations = new WebexLocationsAdapter(api, calls, links);
        this.extensions = new WebexExtensionsAdapter(api, calls);
        this.people = new WebexPeopleAdapter(api, calls);
    }

    /**
     * Connects nothing yet: the first call fetches a token (in refresh mode) and opens the connection. Every call, the
     * token refresh too, goes through {@code http}, one client so that connections to Webex are pooled and kept alive; it
     * must not follow redirects (they could carry our token elsewhere) and should have the settings' timeouts, which the
     * adapter's Feign options carry too.
     */
    public static WebexWholesale connect(WebexSettings settings, Client http) {
        AccessTokens tokens = settings.credentials() instanceof WebexSettings.RefreshCredentials refresh
                ? new RefreshingTokens(settings, refresh, http)
                // the sealed interface's other kind
                : new AccessTokens.Static(((WebexSettings.StaticToken) settings.credentials()).token());
        return new WebexWholesale(WebexApi.connect(settings, http, tokens),
                new WebexCalls(settings.retry(), tokens), settings);
    }

    public WebexCustomers customers() {
        return customers;
    }

    public WebexSubscribers subscribers() {
        return subscribers;
    }

    public WebexLocations locations() {
        return locations;
    }

    public WebexExtensions extensions() {
        return extensions;
    }

    public WebexPeople people() {
        return people;
    }
}
