package com.example.connector;

import com.marketbridge.architecture.ConnectorArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** The connector keeps MarketBridge's rules for the code built on it, as any team's connector includes them. */
@AnalyzeClasses(packages = "com.example.connector", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests CONNECTOR = ArchTests.in(ConnectorArchitecture.class);
}
