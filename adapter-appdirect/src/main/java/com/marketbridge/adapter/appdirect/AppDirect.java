package com.marketbridge.adapter.appdirect;

import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.application.port.out.MarketplaceResults;
import java.net.http.HttpClient;

/** The AppDirect adapter: the four marketplace ports, wired over one shared HTTP client. */
public final class AppDirect {

    private final MarketplaceEvents events;
    private final MarketplaceResults results;
    private final MarketplaceCredentials credentials;
    private final MarketplaceAnswers answers;
    private final HttpClientOnFirstCall http;

    private AppDirect(MarketplaceEvents events, MarketplaceResults results, MarketplaceCredentials credentials,
                      MarketplaceAnswers answers, HttpClientOnFirstCall http) {
        this.http = http;
        this.events = events;
        this.results = results;
        this.credentials = credentials;
        this.answers = answers;
    }

    /**
     * Builds the adapter for one marketplace; no request is made until a port is used, and the HTTP client (with
     * the JDK's TLS trust store) is built on the first call or by {@link #prepare()}.
     */
    public static AppDirect connect(AppDirectSettings settings) {
        // HTTP/1.1: plain-http marketplaces (tests, proxies) would otherwise get an h2c upgrade attempt on every new connection
        HttpClientOnFirstCall http = new HttpClientOnFirstCall(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // the client's own work (parsing a response, completing the call) runs where it arises instead of
                // hopping to a pool thread: calls are blocking and bodies are read whole, so nothing waits there,
                // and the benchmark spent fewer CPU per event and less time queued for a core
                .executor(Runnable::run)
                .build());
        MarketplaceOrigin origin = new MarketplaceOrigin(settings.marketplaceBaseUrl());
        AppDirectIntegrationApi api = AppDirectIntegrationApi.connect(origin.uri(), http, settings.connectTimeout(), settings.readTimeout());
        Authorization authorization;
        MarketplaceCredentials credentials;
        if (settings.legacyOAuth1()) {
            authorization = new OAuth1Signer(settings.oauth1ConsumerKey(), settings.oauth1ConsumerSecret());
            credentials = new OAuth1Credentials(settings.oauth1ConsumerKey(), settings.oauth1ConsumerSecret(), settings.clock());
        } else {
            authorization = new BearerTokens(origin.uri(), settings.oauthClientId(), settings.oauthClientSecret(), settings.clock(),
                    settings.connectTimeout(), settings.readTimeout());
            credentials = new BasicCredentials(settings.basicUsername(), settings.basicPassword());
        }
        AuthorizedCalls calls = new AuthorizedCalls(authorization);
        MarketplaceAnswers answers = new AnswersAdapter();
        return new AppDirect(new EventsAdapter(origin, api, calls), new ResultsAdapter(origin, api, calls, answers), credentials,
                answers, http);
    }

    /** Builds the HTTP client now (loading the JDK's TLS context), so that the first call does not wait for it. */
    public void prepare() {
        http.prepare();
    }

    public MarketplaceEvents events() {
        return events;
    }

    public MarketplaceResults results() {
        return results;
    }

    public MarketplaceCredentials credentials() {
        return credentials;
    }

    public MarketplaceAnswers answers() {
        return answers;
    }
}
