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

    /** Whether {@code actual} (null: nothing sent) is {@code expected}, in constant time. */
    static boolean same(String expected, String actual) {
        return MessageDigest.isEqual(sha256(expected), sha256(actual == null ? "" : actual)) && actual != null;
    }
}
