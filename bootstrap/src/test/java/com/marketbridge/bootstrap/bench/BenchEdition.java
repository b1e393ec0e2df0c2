package com.marketbridge.bootstrap.bench;

import com.marketbridge.domain.edition.EditionCatalog;
import com.marketbridge.domain.edition.EditionLookup;

/**
 * The editions the benchmark orders: the connector's default catalog, whose codes name their Webex package;
 * whether an edition's package includes calling (and so takes a location and an extension) is the catalog's word.
 */
enum BenchEdition {
    MEETINGS("webex_meetings", "meetings", 'm'),
    CALLING("webex_calling", "calling", 'c'),
    SUITE("webex_suite", "suite", 's');

    /** The edition code of the order, also the name of its Webex package. */
    final String code;
    /** How the report names it; also the end of its users' emails (u12-calling@contoso.test), so the stubs can tell. */
    final String label;
    /** How an event token names it: {@code o-<company>-<n>-<letter>}. */
    final char letter;
    final boolean calling;

    BenchEdition(String code, String label, char letter) {
        this.code = code;
        this.label = label;
        this.letter = letter;
        this.calling = ((EditionLookup.Known) EditionCatalog.defaults().lookup(code)).webexPackage().calling();
    }

    /** The edition a token letter names; meetings when the token names none (the tokens of older runs). */
    static BenchEdition ofLetter(String letter) {
        if (letter == null || letter.isEmpty()) {
            return MEETINGS;
        }
        for (BenchEdition edition : values()) {
            if (edition.letter == letter.charAt(0)) {
                return edition;
            }
        }
        throw new IllegalArgumentException("no edition has the letter " + letter);
    }

    /** The edition a benchmark user's email names (see {@link #label}), null for any other email. */
    static BenchEdition ofEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        int dash = email.lastIndexOf('-', at < 0 ? email.length() : at);
        if (dash < 0) {
            return null;
        }
        String label = at < 0 ? email.substring(dash + 1) : email.substring(dash + 1, at);
        for (BenchEdition edition : values()) {
            if (edition.label.equals(label)) {
                return edition;
            }
        }
        return null;
    }

    /** Whether a Webex package name is a calling package in the connector's default catalog. */
    static boolean callingPackage(String packageName) {
        return EditionCatalog.DEFAULT_CALLING_PACKAGES.contains(packageName);
    }
}
