package com.marketbridge.adapter.appdirect;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthConstants;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import java.net.URI;

/** Legacy mode: signs each call with the consumer key and secret, 2-legged (no token, empty token secret). */
final class OAuth1Signer implements Authorization {

    private static final OAuth1AccessToken TWO_LEGGED = new OAuth1AccessToken("", "");

    private final OAuth10aService service;

    OAuth1Signer(String consumerKey, String consumerSecret) {
        this.service = new ServiceBuilder(consumerKey).apiSecret(consumerSecret).build(new TwoLegged());
    }

    @Override
    public String header(String method, URI url) {
        OAuthRequest request = new OAuthRequest(Verb.valueOf(method), url.toString());
        service.signRequest(TWO_LEGGED, request);
        return request.getHeaders().get(OAuthConstants.HEADER);
    }

    @Override
    public boolean renew(String refusedHeader) {
        return false;
    }

    /** Only the signing of {@link DefaultApi10a} is used; 2-legged OAuth has no token dance. */
    private static final class TwoLegged extends DefaultApi10a {

        @Override
        public String getRequestTokenEndpoint() {
            throw new UnsupportedOperationException("2-legged OAuth 1.0a has no request token");
        }

        @Override
        public String getAccessTokenEndpoint() {
            throw new UnsupportedOperationException("2-legged OAuth 1.0a has no access token");
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            throw new UnsupportedOperationException("2-legged OAuth 1.0a has no user authorization");
        }
    }
}
