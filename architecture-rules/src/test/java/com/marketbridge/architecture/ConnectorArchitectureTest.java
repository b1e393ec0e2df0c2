package com.marketbridge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.connector.adapter.webex.AcmeWebexPeople;
import com.acme.connector.application.Onboarding;
import com.acme.connector.application.OnboardingOnTheService;
import com.acme.connector.application.PlansOnJdbc;
import com.acme.connector.domain.Plan;
import com.acme.connector.domain.PlanReadFromJson;
import com.acme.connector.people.MisplacedWebexPeople;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Each rule reports a purpose-made violation, naming the class and what it uses, and passes a clean class. */
class ConnectorArchitectureTest {

    @Test
    void aConnectorReachingIntoTheServiceBreaksThePublishedApiRule() {
        EvaluationResult result = evaluate(ConnectorArchitecture.marketbridge_is_used_only_through_its_domain_ports_and_entry_point,
                OnboardingOnTheService.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains(OnboardingOnTheService.class.getName(), "com.marketbridge.application.service.HandleMarketplaceEventService"));
    }

    @Test
    void aConnectorUsingTheEntryPointThePortsAndTheDomainKeepsThePublishedApiRule() {
        EvaluationResult result = evaluate(ConnectorArchitecture.marketbridge_is_used_only_through_its_domain_ports_and_entry_point,
                Onboarding.class, Plan.class, AcmeWebexPeople.class);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void aDomainClassReadingJsonBreaksTheAdapterLibrariesRule() {
        EvaluationResult result = evaluate(ConnectorArchitecture.domain_facing_code_is_free_of_adapter_libraries,
                PlanReadFromJson.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains(PlanReadFromJson.class.getName(), "com.fasterxml.jackson.databind.ObjectMapper"));
    }

    @Test
    void aUseCaseQueryingADatabaseBreaksTheAdapterLibrariesRule() {
        EvaluationResult result = evaluate(ConnectorArchitecture.domain_facing_code_is_free_of_adapter_libraries,
                PlansOnJdbc.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line)
                .contains(PlansOnJdbc.class.getName(), "java.sql.Connection"));
    }

    @Test
    void plainDomainFacingCodeKeepsTheAdapterLibrariesRule() {
        EvaluationResult result = evaluate(ConnectorArchitecture.domain_facing_code_is_free_of_adapter_libraries,
                Plan.class, Onboarding.class);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void aDrivenPortImplementedOutsideAnAdapterPackageBreaksTheAdapterRule() {
        EvaluationResult result = evaluate(ConnectorArchitecture.driven_ports_are_implemented_in_adapter_packages,
                MisplacedWebexPeople.class);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(MisplacedWebexPeople.class.getName()));
    }

    @Test
    void aDrivenPortImplementedInAnAdapterPackageKeepsTheAdapterRule() {
        EvaluationResult result = evaluate(ConnectorArchitecture.driven_ports_are_implemented_in_adapter_packages,
                AcmeWebexPeople.class);

        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }

    @Test
    void everyRuleIsASentenceWithItsReason() {
        assertThat(ConnectorArchitecture.rules()).hasSize(3)
                .allSatisfy(rule -> assertThat(rule.getDescription()).contains(" because "));
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes) {
        return rule.evaluate(new ClassFileImporter().importClasses(classes));
    }
}
