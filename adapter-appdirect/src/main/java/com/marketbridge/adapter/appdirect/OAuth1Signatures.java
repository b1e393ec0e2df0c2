package com.marketbridge.adapter.appdirect;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** OAuth 1.0a HMAC-SHA1 signatures as RFC 5849 §3.4 defines them, for verifying AppDirect's signed notifications. */
final class OAuth1Signatures {

    private OAuth1Signatures() {
    }

    /** RFC 5849 §3.6: percent-encode all but the unreserved characters, in UTF-8. */
    static String encode(String value) {
        return URLEncoder.encode(value, UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /** RFC 5849 §3.4.1: method, normalised base URL and the sorted, encoded parameters (already decoded on input). */
    static String baseString(String method, URI url, List<Map.Entry<String, String>> parameters) {
        String normalised = parameters.stream()
                .map(p -> Map.entry(encode(p.getKey()), encode(p.getValue())))
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(p -> p.getKey() + "=" + p.getValue())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUrl(url)) + "&" + encode(normalised);
    }

    /** Base64(HMAC-SHA1) keyed with the encoded consumer secret and the empty token secret of 2-legged OAuth. */
    static String sign(String baseString, String consumerSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((encode(consumerSecret) + "&").getBytes(UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has HmacSHA1", e);
        }
    }

    /**
     * The decoded parameters of an {@code Authorization: OAuth ...} header (RFC 5849 §3.5.1), or an empty map when
     * the header is not one or is malformed.
     */
    static Map<String, String> headerParameters(String header) {
        String scheme = "OAuth ";
        if (!header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return Map.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String part : header.substring(scheme.length()).split(",")) {
            String pair = part.strip();
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.length() < equals + 3 || pair.charAt(equals + 1) != '"' || !pair.endsWith("\"")) {
                return Map.of();
            }
            String name;
            String value;
            try {
                name = decode(pair.substring(0, equals));
                value = decode(pair.substring(equals + 2, pair.length() - 1));
            } catch (IllegalArgumentException malformedPercentEncoding) {
                return Map.of();
            }
            if (parameters.put(name, value) != null) {
                return Map.of();
            }
        }
        return parameters;
    }

    private static String baseUrl(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    private static String decode(String value) {
        // percent-decoding only: a literal '+' in OAuth encoding is a plus, not a space
        return URLDecoder.decode(value.replace("+", "%2B"), UTF_8);
    }
}
