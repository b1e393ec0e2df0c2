package com.marketbridge.adapter.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Secrets compared in constant time: both sides are hashed first, so that neither the length nor the first differing
 * character of what a caller sent shows in how long the comparison takes.
 */
final class Digests {

    private Digests() {
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code actual} is the text whose {@link #sha256 digest} is {@code expectedDigest}, in constant time. */
    static boolean matches(byte[] expectedDigest, String actual) {
        return MessageDigest.isEqual(expectedDigest, sha256(actual));
    }

    /** Whether {@code actual} (null: nothing sent) is {@code expected}, in constant time. */
    static boolean same(String expected, String actual) {
        return matches(sha256(expected), actual == null ? "" : actual) && actual != null;
    }
}
