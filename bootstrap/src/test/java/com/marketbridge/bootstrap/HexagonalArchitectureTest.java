package com.marketbridge.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.marketbridge.architecture.AdapterLibrary;
import com.marketbridge.architecture.ConnectorArchitecture;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import feign.Client;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestTemplate;
import feign.Response;

/**
 * The boundaries of the hexagon, one rule per field. Contributors: if a rule fails, move the code to the
 * module where it belongs rather than loosening the rule. The rules MarketBridge shares with the connectors built on
 * it, and the packages of each adapter library, come from the architecture-rules module ({@link ConnectorArchitecture},
 * {@link AdapterLibrary}): one source of truth.
 */
@AnalyzeClasses(packages = "com.marketbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class HexagonalArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that().resideInAPackage("com.marketbridge.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.marketbridge.domain..")
            .because("the domain is a framework-free model that other marketplace connectors embed");

    @ArchTest
    static final ArchRule application_depends_only_on_domain_and_the_jdk = classes()
            .that().resideInAPackage("com.marketbridge.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.marketbridge.domain..", "com.marketbridge.application..")
            .because("use cases talk to the outside world only through their ports");

    @ArchTest
    static final ArchRule domain_facing_code_is_free_of_adapter_libraries =
            ConnectorArchitecture.domain_facing_code_is_free_of_adapter_libraries.allowEmptyShould(false);

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("com.marketbridge.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter implements ports on its own; bootstrap alone wires them together");

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = noClasses()
            .that().resideOutsideOfPackage("com.marketbridge.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("com.marketbridge.bootstrap..")
            .because("bootstrap is the outermost layer: it sees everything and nothing sees it");

    @ArchTest
    static final ArchRule nothing_but_bootstrap_depends_on_the_sandbox = noClasses()
            .that().resideOutsideOfPackages("com.marketbridge.bootstrap..", "com.marketbridge.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("com.marketbridge.sandbox..")
            .because("the sandbox is a way of running the connector (java -jar marketbridge.jar --sandbox), which"
                    + " bootstrap alone chooses; the connector's parts never know whether their upstreams are simulated");

    @ArchTest
    static final ArchRule the_sandbox_reaches_the_connector_only_over_http = classes()
            .that().resideInAPackage("com.marketbridge.sandbox..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.marketbridge.sandbox..", "io.javalin..", "com.fasterxml.jackson..")
            .because("the simulators play AppDirect and Webex as the real ones do, through the adapters' HTTP entry"
                    + " points (the webhook, the upstream APIs), so the sandbox runs the connector's real code end to"
                    + " end and uses none of it");

    @ArchTest
    static final ArchRule out_ports_are_interfaces = classes()
            .that().resideInAPackage("com.marketbridge.application.port.out..")
            .and().areTopLevelClasses()
            .and().areNotAssignableTo(Throwable.class)
            .should().beInterfaces()
            .because("driven ports are contracts that adapters implement and tests fake");

    @ArchTest
    static final ArchRule feign_stays_in_the_upstream_adapters = noClasses()
            .that().resideOutsideOfPackages("com.marketbridge.adapter.appdirect..", "com.marketbridge.adapter.webex..",
                    "com.marketbridge.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage(AdapterLibrary.FEIGN.packages())
            .because("Feign is how the AppDirect and Webex adapters call their upstreams, and nobody else's business");

    @ArchTest
    static final ArchRule bootstrap_sees_only_feigns_client_plug = noClasses()
            .that().resideInAPackage("com.marketbridge.bootstrap..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(AdapterLibrary.FEIGN.packages())
                    .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("feign.okhttp.."))
                    .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(
                            Client.class, Request.class, Request.HttpMethod.class, Request.Options.class, Response.class,
                            RequestTemplate.class, MethodMetadata.class)))))
            .because("bootstrap plugs the HTTP client (OkHttp) under the adapters' Feign clients, a feign.Client, and"
                    + " leaves the rest of Feign to them; it reads which Feign method a request comes from only to name"
                    + " the call in the metrics");

    @ArchTest
    static final ArchRule okhttp_stays_in_bootstrap = noClasses()
            .that().resideOutsideOfPackage("com.marketbridge.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
            .because("the adapters call their upstreams through Feign's Client interface; which HTTP client carries"
                    + " the calls, with which bounds, is the wiring's choice");

    @ArchTest
    static final ArchRule jackson_stays_in_the_adapters_that_read_or_write_json_and_the_sandbox = noClasses()
            .that().resideOutsideOfPackages("com.marketbridge.adapter.appdirect..", "com.marketbridge.adapter.webex..",
                    "com.marketbridge.adapter.jdbc..", "com.marketbridge.adapter.http..", "com.marketbridge.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage(AdapterLibrary.JACKSON.packages())
            .because("wire and storage formats are mapped to domain values inside the adapter that reads or writes them:"
                    + " AppDirect's and Webex's APIs, the journal's events, and the connector's own answers; the"
                    + " sandbox's simulators write the same wire formats from the other side");

    @ArchTest
    static final ArchRule the_database_stays_in_the_store_adapter = noClasses()
            .that().resideOutsideOfPackage("com.marketbridge.adapter.jdbc..")
            .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage(AdapterLibrary.JDBC.packages())
                    .or(JavaClass.Predicates.resideInAnyPackage("org.h2..", "org.flywaydb..")))
            .because("only the journal's adapter knows events are kept in an embedded SQL database");

    @ArchTest
    static final ArchRule scribejava_stays_in_the_appdirect_adapter = noClasses()
            .that().resideOutsideOfPackage("com.marketbridge.adapter.appdirect..")
            .should().dependOnClassesThat().resideInAnyPackage(AdapterLibrary.SCRIBEJAVA.packages())
            .because("OAuth 1.0a signatures are the concern of the adapter that calls AppDirect; tokens are fetched"
                    + " through each adapter's bounded HTTP client");

    @ArchTest
    static final ArchRule micrometer_stays_in_the_metrics_adapter = noClasses()
            .that().resideOutsideOfPackage("com.marketbridge.adapter.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.prometheus..")
            .because("the application reports through its FulfilmentMetrics port and the other adapters through plain"
                    + " callbacks; only the metrics adapter knows the meters are Micrometer's, scraped by Prometheus");

    @ArchTest
    static final ArchRule javalin_stays_in_the_http_adapter_and_the_sandbox = noClasses()
            .that().resideOutsideOfPackages("com.marketbridge.adapter.http..", "com.marketbridge.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage(AdapterLibrary.JAVALIN.packages())
            .because("only the HTTP adapter knows the connector is served by Javalin; the sandbox serves its simulated"
                    + " upstreams with it, apart from the connector");
}
