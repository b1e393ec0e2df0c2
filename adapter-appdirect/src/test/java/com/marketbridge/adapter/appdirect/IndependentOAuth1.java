package com.marketbridge.adapter.appdirect;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only OAuth 1.0a HMAC-SHA1 signer written from RFC 5849 §3.4-3.6 without the production code, so the
 * adapter's signatures are checked against something it did not produce.
 */
final class IndependentOAuth1 {

    private IndependentOAuth1() {
    }

    /** The Authorization header AppDirect would send for {@code method baseUrl} with {@code query} (decoded). */
    static String header(String method, String baseUrl, Map<String, String> query, String key, String secret, long timestamp, String nonce) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", key);
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(timestamp));
        oauth.put("oauth_version", "1.0");
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(oauth);
        oauth.put("oauth_signature", signature(method, baseUrl, all, secret));
        StringBuilder header = new StringBuilder("OAuth realm=\"\"");
        oauth.forEach((name, value) -> header.append(", ").append(name).append("=\"").append(enc(value)).append('"'));
        return header.toString();
    }

    /** RFC 5849 §3.4.1-3.4.2 for single-valued parameters; {@code baseUrl} must already be normalised. */
    static String signature(String method, String baseUrl, Map<String, String> parameters, String secret) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> pairs.add(enc(name) + "=" + enc(value)));
        pairs.sort(null);
        String base = method + "&" + enc(baseUrl) + "&" + enc(String.join("&", pairs));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((enc(secret) + "&").getBytes(UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parameters of a received {@code Authorization: OAuth ...} header, decoded. */
    static Map<String, String> parse(String header) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : header.substring("OAuth ".length()).split(",\\s*")) {
            String[] nameValue = pair.split("=", 2);
            parameters.put(nameValue[0].trim(), URLDecoder.decode(nameValue[1].replace("\"", "").replace("+", "%2B"), UTF_8));
        }
        return parameters;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
