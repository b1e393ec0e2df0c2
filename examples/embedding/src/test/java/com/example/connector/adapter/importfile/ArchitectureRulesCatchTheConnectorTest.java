package com.example.connector.adapter.importfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketbridge.architecture.ConnectorArchitecture;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** Proves the rules bite on this connector: a class of it that reaches into MarketBridge's internals is reported. */
class ArchitectureRulesCatchTheConnectorTest {

    @Test
    void theImportReachingIntoMarketBridgesServiceBreaksThePublishedApiRule() {
        JavaClasses shortcut = new ClassFileImporter().importClasses(ImporterOnTheService.class);

        EvaluationResult result = ConnectorArchitecture.marketbridge_is_used_only_through_its_domain_ports_and_entry_point
                .evaluate(shortcut);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains(
                ImporterOnTheService.class.getName(), "com.marketbridge.application.service.HandleMarketplaceEventService"));
    }
}
