package com.marketbridge.adapter.jdbc;

import java.util.Locale;

/** A case-insensitive "contains" in SQL, {@code LOWER(column) LIKE ? ESCAPE '!'}, with the text's wildcards taken literally. */
final class Like {

    static final String ESCAPE = " ESCAPE '!'";

    private Like() {
    }

    /** The pattern to bind for {@code text}: lower case, its {@code %}, {@code _} and {@code !} escaped. */
    static String containing(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%";
    }
}
