package com.marketbridge.bootstrap;

import com.marketbridge.application.service.fulfilment.DeactivationPolicy;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.subscription.ExtensionRange;
import com.marketbridge.domain.edition.EditionCatalog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting of the connector, read from environment variables over a {@code .env} file with the
 * original demo's names. {@link #toString()} masks secrets, so the record can be logged as it is.
 */
record Settings(
        URI marketplaceBaseUrl, String oauthClientId, String oauthClientSecret,
        String basicUsername, String basicPassword, String oauth1ConsumerKey, String oauth1ConsumerSecret,
        URI webexBaseUrl, String webexToken, String webexClientId, String webexClientSecret, String webexRefreshToken,
        String provisioningId, List<String> customerPackages, PostalAddress address, String timezone,
        Map<String, String> editionPackages, ExtensionRange extensions,
        int port, URI publicBaseUrl, Path dataDir, Duration provisioningWait,
        Duration responseBudget, Duration eventDeadline, int workers, DeactivationPolicy deactivationPolicy) {

    static final String DEFAULT_WEBEX_BASE_URL = "https://webexapis.com/v1";

    /** Settings whose values are never printed. */
    private static final List<String> SECRETS = List.of("OAUTH_CLIENT_SECRET", "BASIC_PASSWORD", "OAUTH1_CONSUMER_SECRET",
            "WEBEX_TOKEN", "WEBEX_CLIENT_SECRET", "WEBEX_REFRESH_TOKEN");

    /** Reads the environment over the {@code .env} file; throws {@link InvalidSettingsException} naming every problem. */
    static Settings load(Map<String, String> environment, Path dotEnvFile) {
        Map<String, String> raw = new HashMap<>(DotEnv.read(dotEnvFile));
        raw.putAll(environment);
        return read(new SettingsReader(raw));
    }

    private static Settings read(SettingsReader in) {
        URI marketplace = in.url("BASE_URL_MARKETPLACE", null, "your AppDirect marketplace, e.g. https://acme.appdirect.com");
        boolean basic = in.isSet("BASIC_USERNAME") || in.isSet("BASIC_PASSWORD");
        boolean oauth1 = in.isSet("OAUTH1_CONSUMER_KEY") || in.isSet("OAUTH1_CONSUMER_SECRET");
        // legacy OAuth 1.0a products sign our calls back with the consumer key; all others fetch with OAuth 2.0
        String clientId = oauth1 ? in.optional("OAUTH_CLIENT_ID") : in.required("OAUTH_CLIENT_ID", "the product's inbound OAuth 2.0 client id");
        String clientSecret = oauth1 ? in.optional("OAUTH_CLIENT_SECRET")
                : in.required("OAUTH_CLIENT_SECRET", "the product's inbound OAuth 2.0 client secret");
        if (basic && oauth1) {
            in.problem("BASIC_USERNAME/BASIC_PASSWORD and OAUTH1_CONSUMER_KEY/OAUTH1_CONSUMER_SECRET are both set; "
                    + "configure exactly one way AppDirect authenticates its notifications");
        }
        String basicUser = oauth1 ? null : in.required("BASIC_USERNAME", "the outbound Basic username configured in AppDirect");
        String basicPassword = oauth1 ? null : in.required("BASIC_PASSWORD", "the outbound Basic password configured in AppDirect");
        String consumerKey = oauth1 ? in.required("OAUTH1_CONSUMER_KEY", "the legacy OAuth 1.0a consumer key") : null;
        String consumerSecret = oauth1 ? in.required("OAUTH1_CONSUMER_SECRET", "the legacy OAuth 1.0a consumer secret") : null;

        URI webex = in.url("WEBEX_BASE_URL", DEFAULT_WEBEX_BASE_URL, "the Webex API base URL");
        boolean refresh = in.isSet("WEBEX_CLIENT_ID") || in.isSet("WEBEX_CLIENT_SECRET") || in.isSet("WEBEX_REFRESH_TOKEN");
        if (refresh && in.isSet("WEBEX_TOKEN")) {
            in.problem("WEBEX_TOKEN and WEBEX_CLIENT_ID/WEBEX_CLIENT_SECRET/WEBEX_REFRESH_TOKEN are both set; use one");
        }
        String token = refresh ? null : in.required("WEBEX_TOKEN", "a Webex access token with the wholesale scopes");
        String webexClientId = refresh ? in.required("WEBEX_CLIENT_ID", "the Webex integration's client id") : null;
        String webexClientSecret = refresh ? in.required("WEBEX_CLIENT_SECRET", "the Webex integration's client secret") : null;
        String refreshToken = refresh ? in.required("WEBEX_REFRESH_TOKEN", "the Webex integration's refresh token") : null;

        String provisioningId = in.required("PROVISIONING_ID", "the Partner Hub customer template's provisioning id");
        List<String> packages = in.jsonStringList("CUSTOMER_PACKAGES", "the packages of new Webex customers, a JSON list");
        String line1 = in.required("ADDRESS", "street address of new customers");
        String city = in.required("CITY", "city of new customers");
        String country = in.required("COUNTRY", "ISO country code of new customers, e.g. US");
        String timezone = in.required("TIMEZONE", "IANA time zone of new customers, e.g. America/Los_Angeles");
        if (timezone != null && !java.time.ZoneId.getAvailableZoneIds().contains(timezone)) {
            in.problem("TIMEZONE must be an IANA time zone such as America/Los_Angeles");
        }
        Map<String, String> editions = in.pairs("EDITION_PACKAGES", EditionCatalog.DEFAULT_EDITIONS);
        int extensionFrom = in.integer("EXTENSION_FROM", 2000, 1, 99_999_999);
        int extensionTo = in.integer("EXTENSION_TO", 8999, 1, 99_999_999);
        if (extensionFrom > extensionTo) {
            in.problem("EXTENSION_FROM must not be above EXTENSION_TO");
        }
        int port = in.integer("PORT", 5002, 0, 65_535);
        URI publicBaseUrl = in.isSet("PUBLIC_BASE_URL") ? in.url("PUBLIC_BASE_URL", null, "the URL AppDirect calls") : null;
        Path dataDir = in.path("DATA_DIR", "./data");
        int budgetMillis = in.integer("RESPONSE_BUDGET_MS", 3000, 100, 4_500);
        int waitMillis = in.integer("PROVISIONING_WAIT_MS", 2000, 0, 4_000);
        if (waitMillis >= budgetMillis) {
            in.problem("PROVISIONING_WAIT_MS must be below RESPONSE_BUDGET_MS");
        }
        int deadlineMinutes = in.integer("EVENT_DEADLINE_MINUTES", 30, 1, 7 * 24 * 60);
        int workers = in.integer("WORKERS", 4, 1, 64);
        String deactivation = in.choice("DEACTIVATED_POLICY", "remove", List.of("remove", "ignore"));
        in.failIfAnyProblem();

        return new Settings(marketplace, clientId, clientSecret, basicUser, basicPassword, consumerKey, consumerSecret,
                webex, token, webexClientId, webexClientSecret, refreshToken, provisioningId, packages,
                new PostalAddress(line1, city, in.optional("STATE"), in.optional("ZIP_CODE"), country), timezone,
                editions, new ExtensionRange(extensionFrom, extensionTo), port, publicBaseUrl, dataDir, Duration.ofMillis(waitMillis),
                Duration.ofMillis(budgetMillis), Duration.ofMinutes(deadlineMinutes), workers,
                DeactivationPolicy.valueOf(deactivation.toUpperCase(java.util.Locale.ROOT)));
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("BASE_URL_MARKETPLACE", marketplaceBaseUrl);
        shown.put("OAUTH_CLIENT_ID", oauthClientId);
        shown.put("OAUTH_CLIENT_SECRET", oauthClientSecret);
        shown.put("BASIC_USERNAME", basicUsername);
        shown.put("BASIC_PASSWORD", basicPassword);
        shown.put("OAUTH1_CONSUMER_KEY", oauth1ConsumerKey);
        shown.put("OAUTH1_CONSUMER_SECRET", oauth1ConsumerSecret);
        shown.put("WEBEX_BASE_URL", webexBaseUrl);
        shown.put("WEBEX_TOKEN", webexToken);
        shown.put("WEBEX_CLIENT_ID", webexClientId);
        shown.put("WEBEX_CLIENT_SECRET", webexClientSecret);
        shown.put("WEBEX_REFRESH_TOKEN", webexRefreshToken);
        shown.put("PROVISIONING_ID", provisioningId);
        shown.put("CUSTOMER_PACKAGES", customerPackages);
        shown.put("ADDRESS", address);
        shown.put("TIMEZONE", timezone);
        shown.put("EDITION_PACKAGES", editionPackages);
        shown.put("EXTENSION_FROM..EXTENSION_TO", extensions.from() + ".." + extensions.to());
        shown.put("PORT", port);
        shown.put("PUBLIC_BASE_URL", publicBaseUrl);
        shown.put("DATA_DIR", dataDir);
        shown.put("PROVISIONING_WAIT_MS", provisioningWait.toMillis());
        shown.put("RESPONSE_BUDGET_MS", responseBudget.toMillis());
        shown.put("EVENT_DEADLINE_MINUTES", eventDeadline.toMinutes());
        shown.put("WORKERS", workers);
        shown.put("DEACTIVATED_POLICY", deactivationPolicy.name().toLowerCase(java.util.Locale.ROOT));
        StringBuilder text = new StringBuilder("Settings{");
        shown.forEach((name, value) -> {
            if (value != null) {
                text.append(text.length() > 9 ? ", " : "").append(name).append('=')
                        .append(SECRETS.contains(name) ? "****" : value);
            }
        });
        return text.append('}').toString();
    }
}
