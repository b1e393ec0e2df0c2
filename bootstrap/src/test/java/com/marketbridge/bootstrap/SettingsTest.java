package com.marketbridge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.adapter.appdirect.AppDirectSettings;
import com.marketbridge.adapter.jdbc.JournalStorage;
import com.marketbridge.adapter.jdbc.PostgresSettings;
import com.marketbridge.application.service.fulfilment.DeactivationPolicy;
import com.marketbridge.domain.credential.Secret;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.edition.EditionLookup;
import com.marketbridge.domain.subscription.ExtensionRange;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path folder;

    /** The demo's .env, as its README tells partners to write it. */
    private static final List<String> DEMO_DOT_ENV = List.of(
            "BASE_URL_MARKETPLACE=https://acme.appdirect.com",
            "",
            "OAUTH_CLIENT_ID=client-id",
            "OAUTH_CLIENT_SECRET=client-secret-value",
            "BASIC_USERNAME=appdirect",
            "BASIC_PASSWORD=basic-password-value",
            "# comments are ignored",
            "WEBEX_TOKEN=webex-token-value",
            "PROVISIONING_ID=prov-1",
            "CUSTOMER_PACKAGES='[\"webex_calling\", \"webex_meetings\", \"webex_suite\"]'",
            "ADDRESS=\"771 Alder Drive\"",
            "ZIP_CODE=\"95035\"",
            "CITY=\"Milpitas\"",
            "COUNTRY=\"US\"",
            "STATE=\"CA\"",
            "TIMEZONE=\"America/Los_Angeles\"");

    private Path dotEnv(List<String> lines) throws IOException {
        return Files.write(folder.resolve(".env"), lines);
    }

    private static CustomerTemplate template(Settings settings) {
        return settings.fulfilment().template();
    }

    /** The catalog's editions, each with its package's name. */
    private static Map<String, String> editionPackages(Settings settings) {
        EditionCatalog catalog = settings.fulfilment().catalog();
        return catalog.knownEditions().stream().collect(Collectors.toMap(Function.identity(),
                edition -> ((EditionLookup.Known) catalog.lookup(edition)).webexPackage().name()));
    }

    @Test
    void theDemosDotEnvIsReadWithItsQuotesAndDefaultsFillTheRest() throws IOException {
        Settings settings = Settings.load(Map.of(), dotEnv(DEMO_DOT_ENV));

        assertThat(settings.appDirect().marketplaceBaseUrl()).isEqualTo(URI.create("https://acme.appdirect.com"));
        assertThat(template(settings).packages()).containsExactly("webex_calling", "webex_meetings", "webex_suite");
        assertThat(template(settings).address().line1()).isEqualTo("771 Alder Drive");
        assertThat(template(settings).address().state()).isEqualTo("CA");
        assertThat(template(settings).address().zip()).isEqualTo("95035");
        assertThat(template(settings).timezone()).isEqualTo("America/Los_Angeles");
        assertThat(settings.http().port()).isEqualTo(5002);
        assertThat(settings.webex().baseUrl()).isEqualTo(URI.create("https://webexapis.com/v1"));
        assertThat(settings.store()).isEqualTo(JournalStorage.onDisk(Path.of("./data")));
        assertThat(editionPackages(settings)).containsEntry("webex_suite", "webex_suite").hasSize(3);
        assertThat(settings.fulfilment().extensions()).isEqualTo(new ExtensionRange(2000, 8999));
    }

    @Test
    void theEnvironmentWinsOverTheDotEnvFile() throws IOException {
        Settings settings = Settings.load(Map.of("PORT", "6000", "CITY", "Ottawa"), dotEnv(DEMO_DOT_ENV));

        assertThat(settings.http().port()).isEqualTo(6000);
        assertThat(template(settings).address().city()).isEqualTo("Ottawa");
    }

    @Test
    void onLoopback_theWebhookListensOn127001Alone_andEverythingElseStays() throws IOException {
        Settings settings = Settings.load(Map.of("PORT", "6000", "METRICS_TOKEN", "scrape-token-value"), dotEnv(DEMO_DOT_ENV));

        Settings sandboxed = settings.onLoopback();

        assertThat(settings.http().host()).isEqualTo("0.0.0.0");
        assertThat(sandboxed.http().host()).isEqualTo("127.0.0.1");
        assertThat(sandboxed.http().port()).isEqualTo(6000);
        assertThat(sandboxed.http().optionalMetricsToken()).contains(new Secret("scrape-token-value"));
        assertThat(sandboxed.appDirect()).isSameAs(settings.appDirect());
        assertThat(sandboxed.toString()).isEqualTo(settings.toString());
    }

    @Test
    void everyMissingOrMalformedSettingIsNamedInOneMessageWithoutAnyValue() throws IOException {
        Map<String, String> environment = new HashMap<>(Map.of(
                "BASE_URL_MARKETPLACE", "not a url",
                "OAUTH_CLIENT_SECRET", "client-secret-value",
                "PORT", "99999",
                "CUSTOMER_PACKAGES", "webex_calling",
                "TIMEZONE", "Mars/Olympus"));

        assertThatThrownBy(() -> Settings.load(environment, folder.resolve("absent.env")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContainingAll("BASE_URL_MARKETPLACE must be", "OAUTH_CLIENT_ID is missing", "BASIC_USERNAME is missing",
                        "BASIC_PASSWORD is missing", "WEBEX_TOKEN is missing", "PROVISIONING_ID is missing",
                        "CUSTOMER_PACKAGES must be a JSON list", "ADDRESS is missing", "PORT must be", "TIMEZONE must be")
                .hasMessageNotContaining("client-secret-value")
                .hasMessageNotContaining("not a url");
    }

    @Test
    void theAdminAccount_isBothSettingsOrNeither_andItsPasswordIsMaskedInTheStartupLine() throws IOException {
        Settings without = Settings.load(Map.of(), dotEnv(DEMO_DOT_ENV));
        Settings with = Settings.load(Map.of("ADMIN_USERNAME", "ops", "ADMIN_PASSWORD", "admin-password-value"),
                dotEnv(DEMO_DOT_ENV));

        assertThat(without.admin()).isEmpty();
        assertThat(with.admin()).hasValueSatisfying(admin -> {
            assertThat(admin.username()).isEqualTo("ops");
            assertThat(admin.password().value()).isEqualTo("admin-password-value");
        });
        assertThat(with.toString()).contains("ADMIN_USERNAME=ops", "ADMIN_PASSWORD=****")
                .doesNotContain("admin-password-value");
        assertThatThrownBy(() -> Settings.load(Map.of("ADMIN_USERNAME", "ops"), dotEnv(DEMO_DOT_ENV)))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("ADMIN_PASSWORD is missing");
        assertThatThrownBy(() -> Settings.load(Map.of("ADMIN_PASSWORD", "admin-password-value"), dotEnv(DEMO_DOT_ENV)))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("ADMIN_USERNAME is missing")
                .hasMessageNotContaining("admin-password-value");
    }

    @Test
    void databaseUrl_keepsTheJournalInPostgreSQL_andTheStartupLineShowsNeitherThePasswordNorTheUrlsQuery() throws IOException {
        Settings settings = Settings.load(Map.of("DATABASE_URL", "jdbc:postgresql://db.internal:5432/marketbridge?password=in-url",
                "DATABASE_USERNAME", "connector", "DATABASE_PASSWORD", "db-password-value"), dotEnv(DEMO_DOT_ENV));

        assertThat(settings.store()).isInstanceOfSatisfying(PostgresSettings.class, postgres -> {
            assertThat(postgres.url()).isEqualTo("jdbc:postgresql://db.internal:5432/marketbridge?password=in-url");
            assertThat(postgres.username()).isEqualTo("connector");
            assertThat(postgres.password().value()).isEqualTo("db-password-value");
            assertThat(postgres.poolSize()).isEqualTo(PostgresSettings.DEFAULT_POOL_SIZE);
            assertThat(postgres.leaseTerm()).isEqualTo(PostgresSettings.DEFAULT_LEASE_TERM);
        });
        assertThat(settings.toString()).contains("DATABASE_URL=jdbc:postgresql://db.internal:5432/marketbridge?****")
                .doesNotContain("db-password-value").doesNotContain("in-url").doesNotContain("DATA_DIR");
    }

    @Test
    void aDatabaseThatIsNotPostgreSQL_orCredentialsWithoutAUrl_areNamed() throws IOException {
        assertThatThrownBy(() -> Settings.load(Map.of("DATABASE_URL", "jdbc:mysql://db/marketbridge?password=in-url",
                "DATABASE_POOL_SIZE", "0", "LEASE_SECONDS", "0"), dotEnv(DEMO_DOT_ENV)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContainingAll("DATABASE_USERNAME is missing", "DATABASE_PASSWORD is missing",
                        "DATABASE_POOL_SIZE must be a whole number from 1 to 100",
                        "LEASE_SECONDS must be a whole number from 1 to 3600")
                .hasMessageNotContaining("in-url");
        assertThatThrownBy(() -> Settings.load(Map.of("DATABASE_URL", "jdbc:mysql://db/marketbridge?password=in-url",
                "DATABASE_USERNAME", "connector", "DATABASE_PASSWORD", "db-password-value"), dotEnv(DEMO_DOT_ENV)))
                .hasMessageContaining("DATABASE_URL must be a JDBC URL of PostgreSQL")
                .hasMessageNotContaining("in-url");
        assertThatThrownBy(() -> Settings.load(Map.of("DATABASE_PASSWORD", "db-password-value"), dotEnv(DEMO_DOT_ENV)))
                .hasMessageContaining("DATABASE_USERNAME/DATABASE_PASSWORD are set without DATABASE_URL")
                .hasMessageNotContaining("db-password-value");
    }

    @Test
    void basicAndOAuth1AreExclusive() throws IOException {
        Map<String, String> environment = Map.of("OAUTH1_CONSUMER_KEY", "key", "OAUTH1_CONSUMER_SECRET", "consumer-secret-value");

        assertThatThrownBy(() -> Settings.load(environment, dotEnv(DEMO_DOT_ENV)))
                .hasMessageContaining("configure exactly one way AppDirect authenticates")
                .hasMessageNotContaining("consumer-secret-value");
    }

    @Test
    void oauth1ReplacesBasicWhenBasicIsAbsent() throws IOException {
        List<String> lines = DEMO_DOT_ENV.stream().filter(line -> !line.startsWith("BASIC_")).toList();

        Settings settings = Settings.load(Map.of("OAUTH1_CONSUMER_KEY", "key", "OAUTH1_CONSUMER_SECRET", "secret"), dotEnv(lines));

        assertThat(settings.appDirect().authentication()).isInstanceOfSatisfying(AppDirectSettings.OAuth1.class,
                oauth1 -> assertThat(oauth1.consumerKey()).isEqualTo("key"));
    }

    @Test
    void webexRefreshCredentialsReplaceTheStaticTokenAndNeedAllThree() throws IOException {
        List<String> lines = DEMO_DOT_ENV.stream().filter(line -> !line.startsWith("WEBEX_TOKEN")).toList();

        assertThatThrownBy(() -> Settings.load(Map.of("WEBEX_CLIENT_ID", "id"), dotEnv(lines)))
                .hasMessageContainingAll("WEBEX_CLIENT_SECRET is missing", "WEBEX_REFRESH_TOKEN is missing")
                .hasMessageNotContaining("WEBEX_TOKEN is missing");
    }

    @Test
    void editionPackagesAreConfigurable() throws IOException {
        Settings settings = Settings.load(Map.of("EDITION_PACKAGES", "basic=webex_meetings, pro=webex_suite"), dotEnv(DEMO_DOT_ENV));

        assertThat(editionPackages(settings)).containsOnly(Map.entry("basic", "webex_meetings"), Map.entry("pro", "webex_suite"));
    }

    @Test
    void theDeactivatedPolicyIsRemoveUnlessSetToIgnoreInAnyCaseAndIsInTheDump() throws IOException {
        Settings byDefault = Settings.load(Map.of(), dotEnv(DEMO_DOT_ENV));
        Settings ignoring = Settings.load(Map.of("DEACTIVATED_POLICY", " Ignore "), dotEnv(DEMO_DOT_ENV));

        assertThat(byDefault.fulfilment().deactivation()).isEqualTo(DeactivationPolicy.REMOVE);
        assertThat(ignoring.fulfilment().deactivation()).isEqualTo(DeactivationPolicy.IGNORE);
        assertThat(byDefault.toString()).contains("DEACTIVATED_POLICY=remove");
        assertThat(ignoring.toString()).contains("DEACTIVATED_POLICY=ignore");
        assertThatThrownBy(() -> Settings.load(Map.of("DEACTIVATED_POLICY", "suspend"), dotEnv(DEMO_DOT_ENV)))
                .hasMessageContaining("DEACTIVATED_POLICY must be one of remove, ignore");
    }

    @Test
    void theSettingsDumpMasksEverySecret() throws IOException {
        String dump = Settings.load(Map.of(), dotEnv(DEMO_DOT_ENV)).toString();

        assertThat(dump).contains("OAUTH_CLIENT_ID=client-id", "BASIC_USERNAME=appdirect", "OAUTH_CLIENT_SECRET=****",
                "BASIC_PASSWORD=****", "WEBEX_TOKEN=****");
        assertThat(dump).doesNotContain("client-secret-value", "basic-password-value", "webex-token-value");
    }

    @Test
    void aMetricsTokenIsKeptForTheScrape_andMasked_andWithoutOneMetricsAreOpen() throws IOException {
        Settings open = Settings.load(Map.of(), dotEnv(DEMO_DOT_ENV));
        Settings guarded = Settings.load(Map.of("METRICS_TOKEN", " scrape-token-value "), dotEnv(DEMO_DOT_ENV));

        assertThat(open.http().optionalMetricsToken()).isEmpty();
        assertThat(open.toString()).doesNotContain("METRICS_TOKEN");
        assertThat(guarded.http().optionalMetricsToken()).contains(new Secret("scrape-token-value"));
        assertThat(guarded.toString()).contains("METRICS_TOKEN=****").doesNotContain("scrape-token-value");
    }

    @Test
    void theSettingsDumpMasksTheSecretsOfTheOtherCredentialModes() throws IOException {
        List<String> lines = DEMO_DOT_ENV.stream().filter(line -> !line.startsWith("BASIC_") && !line.startsWith("WEBEX_TOKEN")).toList();
        Map<String, String> environment = Map.of("OAUTH1_CONSUMER_KEY", "key", "OAUTH1_CONSUMER_SECRET", "consumer-secret-value",
                "WEBEX_CLIENT_ID", "webex-client", "WEBEX_CLIENT_SECRET", "webex-client-secret-value",
                "WEBEX_REFRESH_TOKEN", "webex-refresh-token-value");

        String dump = Settings.load(environment, dotEnv(lines)).toString();

        assertThat(dump).contains("OAUTH1_CONSUMER_KEY=key", "OAUTH1_CONSUMER_SECRET=****", "WEBEX_CLIENT_ID=webex-client",
                "WEBEX_CLIENT_SECRET=****", "WEBEX_REFRESH_TOKEN=****");
        assertThat(dump).doesNotContain("consumer-secret-value", "webex-client-secret-value", "webex-refresh-token-value");
    }

    @Test
    void aValueAnAdapterRefusesIsNamedInTheSameMessageAsTheOtherProblems() throws IOException {
        Map<String, String> environment = Map.of("BASE_URL_MARKETPLACE", "https://acme.appdirect.com/api", "PROVISIONING_ID", "");

        assertThatThrownBy(() -> Settings.load(environment, dotEnv(DEMO_DOT_ENV)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContainingAll("must be an http(s) origin such as https://acme.example.com", "PROVISIONING_ID is missing");
    }

    @Test
    void aDataDirTheSystemCannotReadAsAPath_isNamedInTheMessage_notThrown() throws IOException {
        Map<String, String> environment = Map.of("DATA_DIR", "./data\u0000journal");

        assertThatThrownBy(() -> Settings.load(environment, dotEnv(DEMO_DOT_ENV)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("DATA_DIR is not a path this system can use");
    }
}
