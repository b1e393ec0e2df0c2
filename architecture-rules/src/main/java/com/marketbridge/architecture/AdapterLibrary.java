package com.marketbridge.architecture;

import java.util.Arrays;

/**
 * A library that belongs in an adapter, never in the code a connector's domain and use cases are written in, by the
 * packages it is used through. MarketBridge's own rules and {@link ConnectorArchitecture} name them from here.
 */
public enum AdapterLibrary {
    /** The HTTP server: Javalin and the Jetty and servlet packages it serves with. */
    JAVALIN("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet.."),
    /** The declarative HTTP client. */
    FEIGN("feign.."),
    /** JSON (and other formats) mapping. */
    JACKSON("com.fasterxml.jackson.."),
    /** The JDK's database access. */
    JDBC("java.sql..", "javax.sql.."),
    /** OAuth 1.0a signatures. */
    SCRIBEJAVA("com.github.scribejava..");

    private final String[] packages;

    AdapterLibrary(String... packages) {
        this.packages = packages;
    }

    /** The library's packages as ArchUnit package identifiers, e.g. {@code feign..}; a new array on each call. */
    public String[] packages() {
        return packages.clone();
    }

    /** The packages of every adapter library. */
    public static String[] allPackages() {
        return Arrays.stream(values()).flatMap(library -> Arrays.stream(library.packages)).toArray(String[]::new);
    }
}
