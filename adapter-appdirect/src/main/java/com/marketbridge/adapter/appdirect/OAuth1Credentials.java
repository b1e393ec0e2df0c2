package com.marketbridge.adapter.appdirect;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies AppDirect's legacy 2-legged OAuth 1.0a HMAC-SHA1 signature (contract §1.3(c)): our consumer key, a
 * fresh timestamp, an unused nonce and a signature over the method, the URL and all query and OAuth parameters.
 */
final class OAuth1Credentials implements MarketplaceCredentials {

    private final byte[] consumerKey;
    private final String consumerSecret;
    private final Clock clock;
    private final SeenNonces nonces = new SeenNonces(Inferred.SIGNATURE_WINDOW, Inferred.NONCE_CAPACITY);

    OAuth1Credentials(String consumerKey, String consumerSecret, Clock clock) {
        this.consumerKey = consumerKey.getBytes(UTF_8);
        this.consumerSecret = consumerSecret;
        this.clock = clock;
    }

    @Override
    public Verification verify(InboundNotification notification) {
        // RFC 5849 §3.4.1.3 signs the decoded parameters; a signer percent-encodes a '%' of its own, so a parameter
        // that cannot be decoded never came from one. It fails verification rather than being checked on its raw
        // form, which would be a second normalisation that no signer uses.
        if (!notification.undecodableParameters().isEmpty()) {
            return Verification.rejected("the query parameter(s) " + String.join(", ", notification.undecodableParameters())
                    + " could not be decoded, so no signature can cover them");
        }
        Map<String, String> oauth = OAuth1Signatures.headerParameters(notification.header("Authorization").orElse(""));
        if (oauth.isEmpty()) {
            return Verification.rejected("the notification carries no well-formed OAuth Authorization header");
        }
        if (!MessageDigest.isEqual(consumerKey, oauth.getOrDefault("oauth_consumer_key", "").getBytes(UTF_8))) {
            return Verification.rejected("the oauth_consumer_key is not ours");
        }
        if (!"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))) {
            return Verification.rejected("oauth_signature_method must be HMAC-SHA1");
        }
        if (oauth.containsKey("oauth_version") && !"1.0".equals(oauth.get("oauth_version"))) {
            return Verification.rejected("oauth_version must be 1.0 or absent");
        }
        String signature = oauth.get("oauth_signature");
        String nonce = oauth.get("oauth_nonce");
        Instant timestamp = timestamp(oauth.get("oauth_timestamp"));
        if (signature == null || nonce == null || nonce.isEmpty() || timestamp == null) {
            return Verification.rejected("oauth_signature, oauth_nonce and a numeric oauth_timestamp are required");
        }
        Instant now = clock.instant();
        if (Duration.between(timestamp, now).abs().compareTo(Inferred.SIGNATURE_WINDOW) > 0) {
            return Verification.rejected("oauth_timestamp is more than " + Inferred.SIGNATURE_WINDOW + " away from our clock");
        }
        String expected = OAuth1Signatures.sign(
                OAuth1Signatures.baseString(notification.method(), notification.url(), signedParameters(notification, oauth)), consumerSecret);
        if (!MessageDigest.isEqual(expected.getBytes(UTF_8), signature.getBytes(UTF_8))) {
            return Verification.rejected("the OAuth signature does not match the request");
        }
        // only after the signature: forged requests must not fill the nonce store
        if (!nonces.firstSighting(nonce, timestamp, now)) {
            return Verification.rejected("the oauth_nonce was already used within " + Inferred.SIGNATURE_WINDOW);
        }
        return Verification.accepted();
    }

    private static List<Map.Entry<String, String>> signedParameters(InboundNotification notification, Map<String, String> oauth) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        notification.query().forEach((name, values) -> values.forEach(value -> parameters.add(Map.entry(name, value))));
        oauth.forEach((name, value) -> {
            if (!name.equals("oauth_signature") && !name.equals("realm")) {
                parameters.add(Map.entry(name, value));
            }
        });
        return parameters;
    }

    private static Instant timestamp(String seconds) {
        try {
            return seconds == null ? null : Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
