package com.marketbridge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.domain.fixture.DomainClassThatCountsWithMicrometer;
import com.marketbridge.domain.fixture.DomainClassThatServesHttp;
import com.marketbridge.domain.fixture.DomainClassThatStartsTheSandbox;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Proves the rules bite: a fixture that breaks them is reported, naming the offending dependency. */
class ArchitectureRulesCatchViolationsTest {

    private final JavaClasses fixture = new ClassFileImporter().importClasses(DomainClassThatServesHttp.class,
            DomainClassThatCountsWithMicrometer.class);

    @Test
    void aDomainClassUsingJavalinBreaksTheDomainRule() {
        EvaluationResult result = HexagonalArchitectureTest.domain_depends_only_on_the_jdk.evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(DomainClassThatServesHttp.class.getName(), "io.javalin.Javalin"));
    }

    @Test
    void aDomainClassUsingJavalinBreaksTheRuleSharedWithConnectors() {
        EvaluationResult result = HexagonalArchitectureTest.domain_facing_code_is_free_of_adapter_libraries.evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void aDomainClassUsingJavalinBreaksTheLibraryRule() {
        EvaluationResult result = HexagonalArchitectureTest.javalin_stays_in_the_http_adapter_and_the_sandbox.evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
    }

    @Test
    void aDomainClassStartingTheSandboxBreaksTheSandboxRule() {
        EvaluationResult result = HexagonalArchitectureTest.nothing_but_bootstrap_depends_on_the_sandbox.evaluate(
                new ClassFileImporter().importClasses(DomainClassThatStartsTheSandbox.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(DomainClassThatStartsTheSandbox.class.getName(),
                        "com.marketbridge.sandbox.Sandbox"));
    }

    @Test
    void aDomainClassUsingMicrometerBreaksTheMetricsRule() {
        EvaluationResult result = HexagonalArchitectureTest.micrometer_stays_in_the_metrics_adapter.evaluate(fixture);

        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(DomainClassThatCountsWithMicrometer.class.getName(),
                        "io.micrometer.core.instrument.Metrics"));
    }
}
