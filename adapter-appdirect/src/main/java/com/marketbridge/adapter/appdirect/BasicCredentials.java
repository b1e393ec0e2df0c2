package com.marketbridge.adapter.appdirect;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.marketbridge.application.port.in.InboundNotification;
import com.marketbridge.application.port.out.MarketplaceCredentials;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** Checks a notification's HTTP Basic credentials, in constant time and without short-circuiting on the username. */
final class BasicCredentials implements MarketplaceCredentials {

    private static final String SCHEME = "Basic ";

    private final byte[] username;
    private final byte[] password;

    BasicCredentials(String username, String password) {
        this.username = username.getBytes(UTF_8);
        this.password = password.getBytes(UTF_8);
    }

    @Override
    public Verification verify(InboundNotification notification) {
        Optional<String> header = notification.header("Authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Verification.rejected("the notification carries no Basic credentials");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.get().substring(SCHEME.length()).strip()), UTF_8);
        } catch (IllegalArgumentException e) {
            return Verification.rejected("the Basic credentials are not valid Base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Verification.rejected("the Basic credentials have no ':' between username and password");
        }
        boolean user = MessageDigest.isEqual(username, decoded.substring(0, colon).getBytes(UTF_8));
        boolean pass = MessageDigest.isEqual(password, decoded.substring(colon + 1).getBytes(UTF_8));
        return user & pass ? Verification.accepted() : Verification.rejected("the Basic username or password is wrong");
    }
}
