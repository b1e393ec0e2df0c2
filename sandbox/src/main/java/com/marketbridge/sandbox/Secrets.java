package com.marketbridge.sandbox;

import java.security.SecureRandom;
import java.util.Base64;

/** Credentials the sandbox makes up at each start: nobody else knows them, and none outlives the run. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 128 random bits, URL- and shell-safe. */
    static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
