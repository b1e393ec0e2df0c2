package com.marketbridge.bootstrap;

import java.io.IOException;
import java.io.InterruptedIOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * {@link UpstreamClient}'s interceptor: it reads each answer whole before handing it on, so that OkHttp's call timeout,
 * which lasts until the body is read, covers all of it, and at most {@code maxBytes} of it. Past the cap, whether the
 * {@code Content-Length} announces it or the bytes pass it, it cancels the call, which closes the connection (or the
 * HTTP/2 stream) without reading the rest (closing the body alone would read up to 100 ms more of it to keep the
 * connection), and fails with {@link TooLarge}. A failure of a call that was cancelled otherwise, by its deadline, is a
 * {@link PastDeadline}. It asks for answers uncompressed: OkHttp's transparent gzip would hide their length.
 */
final class BoundedAnswers implements Interceptor {

    private static final long READ_AT_ONCE = 8192;

    private final int maxBytes;

    BoundedAnswers(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            return whole(chain, chain.proceed(chain.request().newBuilder().header("Accept-Encoding", "identity").build()));
        } catch (TooLarge tooLarge) {
            throw tooLarge;
        } catch (IOException failure) {
            if (chain.call().isCanceled()) {
                throw new PastDeadline(failure);
            }
            throw failure;
        }
    }

    private Response whole(Chain chain, Response response) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return response;
        }
        long announced = body.contentLength();
        if (announced > maxBytes) {
            throw refuse(chain, response, announced);
        }
        Buffer whole = new Buffer();
        BufferedSource source = body.source();
        while (source.read(whole, READ_AT_ONCE) != -1) {
            if (whole.size() > maxBytes) {
                throw refuse(chain, response, -1);
            }
        }
        body.close();
        return response.newBuilder().body(ResponseBody.create(whole, body.contentType(), whole.size())).build();
    }

    private static TooLarge refuse(Chain chain, Response response, long announced) {
        chain.call().cancel();
        response.close();
        return new TooLarge(announced);
    }

    /** The answer is over the cap: {@code announced} is the length it announced, or negative when its bytes passed it. */
    static final class TooLarge extends IOException {

        private final long announced;

        TooLarge(long announced) {
            super("the answer is over the size cap");
            this.announced = announced;
        }

        long announced() {
            return announced;
        }
    }

    /** The call was cancelled by its deadline (OkHttp's call timeout) while it connected, sent or read. */
    static final class PastDeadline extends InterruptedIOException {

        PastDeadline(IOException failure) {
            super("the call's deadline passed");
            initCause(failure);
        }
    }
}
