package com.acme.connector;

import com.marketbridge.architecture.ConnectorArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** MarketBridge's rules for the code built on it, included as the embedding guide shows. */
@AnalyzeClasses(packages = "com.acme.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests CONNECTOR = ArchTests.in(ConnectorArchitecture.class);
}
