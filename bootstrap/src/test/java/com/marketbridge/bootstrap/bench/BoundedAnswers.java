package com.marketbridge.bootstrap.bench;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * For {@link ClientsBench}'s "okhttp-bounded" client: the size cap of the connector's UpstreamHttpClient as an OkHttp
 * interceptor. It reads the whole answer (so that OkHttp's call timeout, which lasts until the body is read, covers it
 * all) and at most {@code maxBytes} of it; over the cap, whether announced or read, it cancels the call, which closes
 * the connection without reading the rest (closing the body alone would read up to 100 ms more of it to keep the
 * connection), and fails. It asks for the answer uncompressed, as the JDK client does.
 */
final class BoundedAnswers implements Interceptor {

    private final int maxBytes;

    BoundedAnswers(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        // identity, as the JDK client asks: OkHttp's transparent gzip would hide the Content-Length from this interceptor
        Response response = chain.proceed(chain.request().newBuilder().header("Accept-Encoding", "identity").build());
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        long announced = body.contentLength();
        if (announced > maxBytes) {
            throw refused(chain, response, "announces " + announced + " bytes over");
        }
        Buffer whole = new Buffer();
        BufferedSource source = body.source();
        while (source.read(whole, 8192) != -1) {
            if (whole.size() > maxBytes) {
                throw refused(chain, response, "is over");
            }
        }
        body.close();
        return response.newBuilder().body(ResponseBody.create(whole, body.contentType(), whole.size())).build();
    }

    private IOException refused(Chain chain, Response response, String why) {
        chain.call().cancel();
        response.close();
        return new IOException("the answer " + why + " the cap of " + maxBytes + " bytes; not read");
    }
}
