package com.marketbridge.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The architecture rules for a connector built on MarketBridge, for code outside {@code com.marketbridge..}. Run them
 * in the connector's tests with ArchUnit's JUnit 5 engine ({@code com.tngtech.archunit:archunit-junit5}, test scope):
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.acme.connector", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest
 *     static final ArchTests CONNECTOR = ArchTests.in(ConnectorArchitecture.class);
 * }
 * }</pre>
 *
 * or evaluate {@link #rules()} yourself. The conventions they assume, by package name anywhere under the connector's
 * root: its domain-facing code (its model and use cases) lives in packages named {@code domain} or
 * {@code application}, and its adapters in packages named {@code adapter}.
 */
public final class ConnectorArchitecture {

    /**
     * What of MarketBridge code outside it may use: the domain, the application's ports and the entry point that wires
     * them. As ArchUnit package identifiers.
     */
    public static final List<String> PUBLISHED_PACKAGES = List.of(
            "com.marketbridge.domain..", "com.marketbridge.application.port..", "com.marketbridge.application.embedding..");

    /** Uses MarketBridge only through {@link #PUBLISHED_PACKAGES}: never its services, adapters, bootstrap or internals. */
    @ArchTest
    public static final ArchRule marketbridge_is_used_only_through_its_domain_ports_and_entry_point = noClasses()
            .that().resideOutsideOfPackage("com.marketbridge..")
            .should().dependOnClassesThat(resideInAPackage("com.marketbridge..")
                    .and(not(resideInAnyPackage(PUBLISHED_PACKAGES.toArray(String[]::new))))
                    .as("are MarketBridge's internals (anything outside " + String.join(", ", PUBLISHED_PACKAGES) + ")"))
            .because("the domain, the ports and the entry point are MarketBridge's published API, versioned and"
                    + " announced when they break; its services and adapters change without notice");

    /**
     * Keeps the connector's domain-facing code (packages named {@code domain} or {@code application}) free of the
     * {@link AdapterLibrary adapter libraries}. Holds for MarketBridge's own domain and application too.
     */
    @ArchTest
    public static final ArchRule domain_facing_code_is_free_of_adapter_libraries = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage(AdapterLibrary.allPackages())
            .because("Javalin, Feign, Jackson, JDBC and scribejava are how adapters reach the outside world; a model"
                    + " and use cases free of them are tested without servers or databases and outlive a change of"
                    + " library")
            // a connector without such packages has nothing to check here, and is not wrong for it
            .allowEmptyShould(true);

    /** Puts the connector's implementations of MarketBridge's driven ports in packages named {@code adapter}. */
    @ArchTest
    public static final ArchRule driven_ports_are_implemented_in_adapter_packages = classes()
            .that().resideOutsideOfPackage("com.marketbridge..")
            .and().implement(resideInAPackage("com.marketbridge.application.port.out..")
                    .as("a driven port of MarketBridge (com.marketbridge.application.port.out..)"))
            .should().resideInAPackage("..adapter..")
            .because("a driven port is where the connector meets an outside system; its implementation is an adapter,"
                    + " kept apart from the code the rules keep free of adapter libraries")
            // a connector that implements no driven port (it calls the use case only) has nothing to check here
            .allowEmptyShould(true);

    private ConnectorArchitecture() {
    }

    /** The rules above as plain ArchUnit rules, for teams that evaluate rules themselves. */
    public static List<ArchRule> rules() {
        return List.of(marketbridge_is_used_only_through_its_domain_ports_and_entry_point,
                domain_facing_code_is_free_of_adapter_libraries,
                driven_ports_are_implemented_in_adapter_packages);
    }
}
