package com.marketbridge.adapter.http;

/** Checks a sign-in against the operator's account, in constant time ({@link Digests}). */
final class AdminCredentials {

    private final String username;
    private final byte[] expected;

    AdminCredentials(AdminSettings settings) {
        this.username = settings.username();
        this.expected = Digests.sha256(pair(settings.username(), settings.password().value()));
    }

    boolean matches(String username, String password) {
        return Digests.matches(expected, pair(username, password));
    }

    String username() {
        return username;
    }

    /** The username's length first, so that no other pair of strings makes the same text. */
    private static String pair(String username, String password) {
        return username.length() + ":" + username + ":" + password;
    }
}
