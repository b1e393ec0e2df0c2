package com.marketbridge.domain.edition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one home of the marketplace edition → Webex package mapping, and of which packages count as calling.
 *
 * <p>Edition codes are compared case-insensitively, since marketplaces upper-case them inconsistently.
 */
public final class EditionCatalog {

    /**
     * Packages that carry Webex Calling and so need an extension and a location. Inferred from the
     * wholesale package list (the contract names no such flag); change it here if Webex adds one.
     */
    public static final Set<String> DEFAULT_CALLING_PACKAGES =
            Set.of("webex_calling", "webex_suite", "webex_voice", "webex_calling_standard", "cx_essentials");

    /** The editions of the original demo, each mapped to the package of the same name. */
    public static final Map<String, String> DEFAULT_EDITIONS = defaultEditions();

    private final Map<String, WebexPackage> packagesByEdition;
    private final Set<String> callingPackages;

    private EditionCatalog(Map<String, WebexPackage> packagesByEdition, Set<String> callingPackages) {
        this.packagesByEdition = packagesByEdition;
        this.callingPackages = callingPackages;
    }

    /** {@link #DEFAULT_EDITIONS} with {@link #DEFAULT_CALLING_PACKAGES}. */
    public static EditionCatalog defaults() {
        return of(DEFAULT_EDITIONS, DEFAULT_CALLING_PACKAGES);
    }

    /**
     * A catalog of the given edition → package names; packages in {@code callingPackages} are calling packages.
     *
     * @throws IllegalArgumentException no edition, a blank edition code or package name, or an edition mapped twice
     *                                  (codes compared ignoring case)
     */
    public static EditionCatalog of(Map<String, String> editionToPackage, Set<String> callingPackages) {
        Objects.requireNonNull(editionToPackage, "'editionToPackage' must not be null");
        Objects.requireNonNull(callingPackages, "'callingPackages' must not be null");
        if (editionToPackage.isEmpty()) {
            throw new IllegalArgumentException("an edition catalog needs at least one edition");
        }
        Map<String, WebexPackage> packages = new LinkedHashMap<>();
        editionToPackage.forEach((edition, packageName) -> {
            if (edition == null || edition.isBlank()) {
                throw new IllegalArgumentException("an edition code must not be blank");
            }
            WebexPackage webexPackage = new WebexPackage(packageName, callingPackages.contains(packageName));
            if (packages.put(normalise(edition), webexPackage) != null) {
                throw new IllegalArgumentException("edition '" + edition + "' is mapped twice");
            }
        });
        return new EditionCatalog(Map.copyOf(packages), Set.copyOf(callingPackages));
    }

    /** The package of the edition, or why there is none; null is an unknown edition. */
    public EditionLookup lookup(String editionCode) {
        WebexPackage webexPackage = editionCode == null ? null : packagesByEdition.get(normalise(editionCode));
        if (webexPackage == null) {
            return new EditionLookup.Unknown(String.valueOf(editionCode), knownEditions());
        }
        return new EditionLookup.Known(editionCode, webexPackage);
    }

    /** The package of that name as this catalog sees it (calling or not), whether or not an edition maps to it. */
    public WebexPackage packageNamed(String name) {
        return new WebexPackage(name, callingPackages.contains(name));
    }

    /** Whether any of these packages needs calling parameters, e.g. a location when the customer is created. */
    public boolean anyCalling(java.util.Collection<String> packageNames) {
        return packageNames.stream().anyMatch(callingPackages::contains);
    }

    /** The edition codes of the catalog, lower-cased and sorted. */
    public List<String> knownEditions() {
        return packagesByEdition.keySet().stream().sorted().toList();
    }

    private static String normalise(String editionCode) {
        return editionCode.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> defaultEditions() {
        Map<String, String> editions = new LinkedHashMap<>();
        editions.put("webex_meetings", "webex_meetings");
        editions.put("webex_calling", "webex_calling");
        editions.put("webex_suite", "webex_suite");
        return Map.copyOf(editions);
    }
}
