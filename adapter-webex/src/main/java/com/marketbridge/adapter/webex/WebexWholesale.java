package com.marketbridge.adapter.webex;

import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import java.net.http.HttpClient;

/** The Webex Wholesale adapter: every Webex port, sharing one HTTP client, one token source and one retry policy. */
public final class WebexWholesale {

    private final WebexCustomers customers;
    private final WebexSubscribers subscribers;
    private final WebexLocations locations;
    private final WebexExtensions extensions;
    private final WebexPeople people;
    private final HttpClientOnFirstCall http;

    private WebexWholesale(WebexApi api, WebexCalls calls, WebexSettings settings, HttpClientOnFirstCall http) {
        this.http = http;
        NextLinks links = NextLinks.of(settings.baseUrl());
        this.customers = new WebexCustomersAdapter(api, calls, links);
        this.subscribers = new WebexSubscribersAdapter(api, calls, links);
        this.locations = new WebexLocationsAdapter(api, calls, links);
        this.extensions = new WebexExtensionsAdapter(api, calls);
        this.people = new WebexPeopleAdapter(api, calls);
    }

    /**
     * Connects nothing yet: the first call fetches a token (in refresh mode), builds the HTTP client (with the JDK's
     * TLS trust store) unless {@link #prepare()} did, and opens the connection.
     */
    public static WebexWholesale connect(WebexSettings settings) {
        AccessTokens tokens = settings.refreshing()
                ? new RefreshingTokens(settings)
                : new AccessTokens.Static(settings.staticToken());
        // one client for every call, so connections to Webex are pooled and kept alive
        HttpClientOnFirstCall http = new HttpClientOnFirstCall(() -> HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // the client's own work (parsing a response, completing the call) runs where it arises instead of
                // hopping to a pool thread: calls are blocking and bodies are read whole, so nothing waits there,
                // and the benchmark spent fewer CPU per event and less time queued for a core
                .executor(Runnable::run)
                .build());
        return new WebexWholesale(WebexApi.connect(settings, http, tokens),
                new WebexCalls(settings.retry(), tokens), settings, http);
    }

    /** Builds the HTTP client now (loading the JDK's TLS context), so that the first call does not wait for it. */
    public void prepare() {
        http.prepare();
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
