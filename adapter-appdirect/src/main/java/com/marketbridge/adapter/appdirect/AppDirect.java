package com.marketbridge.adapter.appdirect;

import com.marketbridge.application.port.out.MarketplaceAnswers;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import com.marketbridge.application.port.out.MarketplaceEvents;
import com.marketbridge.application.port.out.MarketplaceResults;
import feign.Client;

/** The AppDirect adapter: the four marketplace ports, wired over one shared HTTP client. */
public final class AppDirect {

    private final MarketplaceEvents events;
    private final MarketplaceResults results;
    private final MarketplaceCredentials credentials;
    private final MarketplaceAnswers answers;

    private AppDirect(MarketplaceEvents events, MarketplaceResults results, MarketplaceCredentials credentials,
                      MarketplaceAnswers answers) {
        this.events = events;
        this.results = results;
        this.credentials = credentials;
        this.answers = answers;
    }

    /**
     * Builds the adapter for one marketplace over {@code http}, which carries every call, the token request too; it must
     * not follow redirects (they could carry our credentials elsewhere) and should have the settings' timeouts, which
     * the adapter's Feign options carry too. No request is made until a port is used.
     */
    public static AppDirect connect(AppDirectSettings settings, Client http) {
        MarketplaceOrigin origin = new MarketplaceOrigin(settings.marketplaceBaseUrl());
        AppDirectIntegrationApi api = AppDirectIntegrationApi.connect(origin.uri(), http,
                settings.connectTimeout(), settings.readTimeout());
        Authorization authorization;
        MarketplaceCredentials credentials;
        if (settings.authentication() instanceof AppDirectSettings.OAuth1 oauth1) {
            String secret = oauth1.consumerSecret().value();
            authorization = new OAuth1Signer(oauth1.consumerKey(), secret);
            credentials = new OAuth1Credentials(oauth1.consumerKey(), secret, settings.clock());
        } else {
            // the sealed interface's other kind
            AppDirectSettings.Basic basic = (AppDirectSettings.Basic) settings.authentication();
            authorization = new BearerTokens(origin.uri(), basic.oauthClientId(), basic.oauthClientSecret().value(),
                    settings.clock(), http, settings.connectTimeout(), settings.readTimeout());
            credentials = new BasicCredentials(basic.username(), basic.password().value());
        }
        AuthorizedCalls calls = new AuthorizedCalls(authorization);
        MarketplaceAnswers answers = new AnswersAdapter();
        return new AppDirect(new EventsAdapter(origin, api, calls), new ResultsAdapter(origin, api, calls, answers), credentials,
                answers);
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
