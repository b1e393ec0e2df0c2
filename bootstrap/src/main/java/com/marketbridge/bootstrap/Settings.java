package com.marketbridge.bootstrap;

import com.marketbridge.adapter.appdirect.AppDirectSettings;
import com.marketbridge.adapter.http.AdminSettings;
import com.marketbridge.adapter.http.HttpSettings;
import com.marketbridge.adapter.jdbc.JournalStorage;
import com.marketbridge.adapter.jdbc.PostgresSettings;
import com.marketbridge.adapter.jdbc.StoreSettings;
import com.marketbridge.adapter.webex.WebexSettings;
import com.marketbridge.application.service.fulfilment.DeactivationPolicy;
import com.marketbridge.application.service.fulfilment.FulfilmentSettings;
import com.marketbridge.application.service.fulfilment.Sleeper;
import com.marketbridge.application.service.scheduling.AsyncSettings;
import com.marketbridge.domain.credential.Secret;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.subscription.ExtensionRange;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the connector, read from environment variables over a {@code .env} file with the original demo's
 * names, as the settings of each part it wires: the two upstream adapters, the webhook, where the journal is kept, how events
 * are worked on in the background and how they are fulfilled. {@code asRead} holds the settings by name as they were read;
 * {@link #toString()} lists them with secrets masked, so the record can be logged as it is.
 */
record Settings(AppDirectSettings appDirect, WebexSettings webex, HttpSettings http, Optional<AdminSettings> admin,
                StoreSettings store, AsyncSettings async, FulfilmentSettings fulfilment, Map<String, Object> asRead) {

    private static final Path DEFAULT_DATA_DIR = Path.of("./data");
    private static final Duration DEFAULT_PROVISIONING_WAIT = Duration.ofSeconds(2);

    /** How often a notification looks at a customer Webex is still provisioning, within PROVISIONING_WAIT_MS. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    /** Reads the environment over the {@code .env} file; throws {@link InvalidSettingsException} naming every problem. */
    static Settings load(Map<String, String> environment, Path dotEnvFile) {
        return read(raw(environment, dotEnvFile));
    }

    /** Reads the settings of {@code raw}, by their environment names (the sandbox's, in memory); as {@link #load}. */
    static Settings read(Map<String, String> raw) {
        SettingsReader in = new SettingsReader(raw);
        AppDirectSettings appDirect = appDirect(in);
        WebexSettings webex = webex(in);
        HttpSettings http = http(in);
        Optional<AdminSettings> admin = admin(in);
        StoreSettings store = store(in);
        AsyncSettings async = async(in);
        FulfilmentSettings fulfilment = fulfilment(in, async.responseBudget());
        in.failIfAnyProblem();
        return new Settings(appDirect, webex, http, admin, store, async, fulfilment, in.asRead());
    }

    /**
     * DATA_DIR and the DATABASE_* settings alone, for {@code copy-journal}: the embedded journal to copy, and the
     * PostgreSQL database to copy it into. Throws {@link InvalidSettingsException} naming every problem.
     */
    static JournalCopySettings journalCopy(Map<String, String> environment, Path dotEnvFile) {
        SettingsReader in = new SettingsReader(raw(environment, dotEnvFile));
        Path dataDir = in.path("DATA_DIR", DEFAULT_DATA_DIR);
        if (!in.isSet("DATABASE_URL")) {
            in.problem("DATABASE_URL is missing (the PostgreSQL database to copy the journal into)");
        }
        StoreSettings target = store(in);
        in.failIfAnyProblem();
        return new JournalCopySettings(JournalStorage.onDisk(dataDir), (PostgresSettings) target);
    }

    /** The embedded journal under DATA_DIR, and the PostgreSQL database it is copied into. */
    record JournalCopySettings(JournalStorage from, PostgresSettings to) {
    }

    /** The environment over the {@code .env} file. */
    private static Map<String, String> raw(Map<String, String> environment, Path dotEnvFile) {
        Map<String, String> raw = new HashMap<>(DotEnv.read(dotEnvFile));
        raw.putAll(environment);
        return raw;
    }

    /** Basic notifications and OAuth 2.0 calls, unless the OAuth 1.0a consumer is set. */
    private static AppDirectSettings appDirect(SettingsReader in) {
        int problems = in.problemCount();
        URI marketplace = in.url("BASE_URL_MARKETPLACE", "your AppDirect marketplace, e.g. https://acme.appdirect.com");
        if (in.isSet("OAUTH1_CONSUMER_KEY") || in.isSet("OAUTH1_CONSUMER_SECRET")) {
            if (in.isSet("BASIC_USERNAME") || in.isSet("BASIC_PASSWORD")) {
                in.problem("BASIC_USERNAME/BASIC_PASSWORD and OAUTH1_CONSUMER_KEY/OAUTH1_CONSUMER_SECRET are both set; "
                        + "configure exactly one way AppDirect authenticates its notifications");
            }
            String consumerKey = in.required("OAUTH1_CONSUMER_KEY", "the legacy OAuth 1.0a consumer key");
            Secret consumerSecret = in.secret("OAUTH1_CONSUMER_SECRET", "the legacy OAuth 1.0a consumer secret");
            return in.built(problems, () -> AppDirectSettings.oauth1(marketplace, consumerKey, consumerSecret));
        }
        String clientId = in.required("OAUTH_CLIENT_ID", "the product's inbound OAuth 2.0 client id");
        Secret clientSecret = in.secret("OAUTH_CLIENT_SECRET", "the product's inbound OAuth 2.0 client secret");
        String username = in.required("BASIC_USERNAME", "the outbound Basic username configured in AppDirect");
        Secret password = in.secret("BASIC_PASSWORD", "the outbound Basic password configured in AppDirect");
        return in.built(problems, () -> AppDirectSettings.basic(marketplace, clientId, clientSecret, username, password));
    }

    /** A static token, unless any of the integration's refresh credentials is set. */
    private static WebexSettings webex(SettingsReader in) {
        int problems = in.problemCount();
        URI baseUrl = in.optionalUrl("WEBEX_BASE_URL", WebexSettings.DEFAULT_BASE_URL);
        if (in.isSet("WEBEX_CLIENT_ID") || in.isSet("WEBEX_CLIENT_SECRET") || in.isSet("WEBEX_REFRESH_TOKEN")) {
            if (in.isSet("WEBEX_TOKEN")) {
                in.problem("WEBEX_TOKEN and WEBEX_CLIENT_ID/WEBEX_CLIENT_SECRET/WEBEX_REFRESH_TOKEN are both set; use one");
            }
            String clientId = in.required("WEBEX_CLIENT_ID", "the Webex integration's client id");
            Secret clientSecret = in.secret("WEBEX_CLIENT_SECRET", "the Webex integration's client secret");
            Secret refreshToken = in.secret("WEBEX_REFRESH_TOKEN", "the Webex integration's refresh token");
            return in.built(problems, () -> WebexSettings.refreshing(baseUrl, clientId, clientSecret, refreshToken));
        }
        Secret token = in.secret("WEBEX_TOKEN", "a Webex access token with the wholesale scopes");
        return in.built(problems, () -> WebexSettings.staticToken(baseUrl, token));
    }

    /** The webhook listens on every interface; /metrics needs METRICS_TOKEN when it is set. */
    private static HttpSettings http(SettingsReader in) {
        return HttpSettings.of("0.0.0.0", in.integer("PORT", HttpSettings.DEFAULT_PORT, 0, 65_535),
                in.optionalUrl("PUBLIC_BASE_URL", null)).withMetricsToken(in.optionalSecret("METRICS_TOKEN"));
    }

    /** The operator's account of the admin API and the console: both settings or neither (then neither exists). */
    private static Optional<AdminSettings> admin(SettingsReader in) {
        if (!in.isSet("ADMIN_USERNAME") && !in.isSet("ADMIN_PASSWORD")) {
            return Optional.empty();
        }
        int problems = in.problemCount();
        String username = in.required("ADMIN_USERNAME", "the admin API's and the console's username (set with ADMIN_PASSWORD,"
                + " or neither)");
        Secret password = in.secret("ADMIN_PASSWORD", "the admin API's and the console's password (set with ADMIN_USERNAME,"
                + " or neither)");
        return Optional.ofNullable(in.built(problems, () -> new AdminSettings(username, password)));
    }

    /** A PostgreSQL database that several connectors share when DATABASE_URL is set; else the embedded one in DATA_DIR. */
    private static StoreSettings store(SettingsReader in) {
        if (!in.isSet("DATABASE_URL")) {
            if (in.isSet("DATABASE_USERNAME") || in.isSet("DATABASE_PASSWORD")) {
                in.problem("DATABASE_USERNAME/DATABASE_PASSWORD are set without DATABASE_URL: set it to keep the journal "
                        + "in PostgreSQL, or remove them to keep it in DATA_DIR");
            }
            Path dataDir = in.path("DATA_DIR", DEFAULT_DATA_DIR);
            return JournalStorage.onDisk(dataDir);
        }
        int problems = in.problemCount();
        String url = in.urlWithSecretQuery("DATABASE_URL", "the PostgreSQL database, jdbc:postgresql://host:port/database");
        String username = in.required("DATABASE_USERNAME", "the connector's user in the PostgreSQL database");
        Secret password = in.secret("DATABASE_PASSWORD", "the password of DATABASE_USERNAME");
        int poolSize = in.integer("DATABASE_POOL_SIZE", PostgresSettings.DEFAULT_POOL_SIZE, 1, 100);
        Duration leaseTerm = in.duration("LEASE_SECONDS", ChronoUnit.SECONDS, PostgresSettings.DEFAULT_LEASE_TERM, 1, 3_600);
        return in.built(problems, () -> new PostgresSettings(url, username, password, poolSize, leaseTerm));
    }

    private static AsyncSettings async(SettingsReader in) {
        AsyncSettings defaults = AsyncSettings.DEFAULTS;
        Duration budget = in.duration("RESPONSE_BUDGET_MS", ChronoUnit.MILLIS, defaults.responseBudget(), 100, 4_500);
        Duration deadline = in.duration("EVENT_DEADLINE_MINUTES", ChronoUnit.MINUTES, defaults.eventDeadline(), 1, 7 * 24 * 60);
        int workers = in.integer("WORKERS", defaults.workers(), 1, 64);
        return defaults.withResponseBudget(budget).withEventDeadline(deadline).withWorkers(workers);
    }

    /** New customers' template, the editions, the extensions and the wait for Webex, which the response budget bounds. */
    private static FulfilmentSettings fulfilment(SettingsReader in, Duration responseBudget) {
        int problems = in.problemCount();
        String provisioningId = in.required("PROVISIONING_ID", "the Partner Hub customer template's provisioning id");
        List<String> packages = in.jsonStringList("CUSTOMER_PACKAGES", "the packages of new Webex customers, a JSON list");
        String line1 = in.required("ADDRESS", "street address of new customers");
        String city = in.required("CITY", "city of new customers");
        String state = in.optional("STATE");
        String zip = in.optional("ZIP_CODE");
        String country = in.required("COUNTRY", "ISO country code of new customers, e.g. US");
        String timezone = in.required("TIMEZONE", "IANA time zone of new customers, e.g. America/Los_Angeles");
        if (timezone != null && !ZoneId.getAvailableZoneIds().contains(timezone)) {
            in.problem("TIMEZONE must be an IANA time zone such as America/Los_Angeles");
        }
        Map<String, String> editions = in.pairs("EDITION_PACKAGES", EditionCatalog.DEFAULT_EDITIONS);
        int extensionFrom = in.integer("EXTENSION_FROM", ExtensionRange.DEFAULT.from(), 1, 99_999_999);
        int extensionTo = in.integer("EXTENSION_TO", ExtensionRange.DEFAULT.to(), 1, 99_999_999);
        if (extensionFrom > extensionTo) {
            in.problem("EXTENSION_FROM must not be above EXTENSION_TO");
        }
        Duration provisioningWait = in.duration("PROVISIONING_WAIT_MS", ChronoUnit.MILLIS, DEFAULT_PROVISIONING_WAIT, 0, 4_000);
        if (provisioningWait.compareTo(responseBudget) >= 0) {
            in.problem("PROVISIONING_WAIT_MS must be below RESPONSE_BUDGET_MS");
        }
        DeactivationPolicy deactivation = in.choice("DEACTIVATED_POLICY", DeactivationPolicy.REMOVE);
        return in.built(problems, () -> new FulfilmentSettings(
                EditionCatalog.of(editions, EditionCatalog.DEFAULT_CALLING_PACKAGES),
                new CustomerTemplate(provisioningId, packages, new PostalAddress(line1, city, state, zip, country), timezone),
                provisioningWait, POLL_INTERVAL, Clock.systemUTC(), Sleeper.system(), deactivation,
                new ExtensionRange(extensionFrom, extensionTo)));
    }

    /** The same settings with the webhook listening on 127.0.0.1 alone: the sandbox's, whose credentials it prints. */
    Settings onLoopback() {
        return new Settings(appDirect, webex, new HttpSettings("127.0.0.1", http.port(), http.maxRequestBytes(),
                http.publicBaseUrl(), http.metricsToken()), admin, store, async, fulfilment, asRead);
    }

    /** The settings by name as read, e.g. {@code Settings{BASE_URL_MARKETPLACE=https://acme.appdirect.com, ...}}. */
    @Override
    public String toString() {
        return "Settings" + asRead;
    }
}
