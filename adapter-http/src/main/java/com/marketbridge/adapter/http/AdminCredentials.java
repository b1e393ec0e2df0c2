package com.marketbridge.adapter.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks a sign-in against the operator's account in constant time: both sides are hashed first, so neither the
 * length nor the first differing character of what was sent shows in how long the check takes.
 */
final class AdminCredentials {

    private final String username;
    private final byte[] expected;

    AdminCredentials(AdminSettings settings) {
        this.username = settings.username();
        this.expected = digest(settings.username(), settings.password().value());
    }

    boolean matches(String username, String password) {
        return MessageDigest.isEqual(expected, digest(username, password));
    }

    String username() {
        return username;
    }

    private static byte[] digest(String username, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // the length first, so that no other pair of strings hashes the same as this one
            sha256.update((username.length() + ":" + username + ":" + password).getBytes(StandardCharsets.UTF_8));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Compares two tokens (a CSRF token) in constant time. */
    static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
