package dev.grantflow.provisioning;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;

/**
 * Interceptor that fails a response whose body exceeds a maximum size. It rejects a larger
 * {@code Content-Length} before reading, and otherwise stops reading at the first byte past the limit, so a
 * huge or endless body never fills the heap.
 */
final class ResponseSizeLimit implements ClientHttpRequestInterceptor {

    private final DataSize maxSize;

    ResponseSizeLimit(DataSize maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        long declaredLength = response.getHeaders().getContentLength();
        if (declaredLength > maxSize.toBytes()) {
            response.close();
            throw new ResponseTooLargeException(maxSize);
        }
        return new LimitedResponse(response, maxSize);
    }

    /** Formats a size the way it is written in properties, for example {@code 1MB} or {@code 512KB}. */
    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + "MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + "KB";
        }
        return bytes + "B";
    }

    /** Response body exceeded {@code grantflow.provisioning.max-response-size}. */
    static final class ResponseTooLargeException extends IOException {

        private final DataSize limit;

        ResponseTooLargeException(DataSize limit) {
            super("Response body exceeds the limit of " + describe(limit));
            this.limit = limit;
        }

        DataSize limit() {
            return limit;
        }
    }

    private static final class LimitedResponse implements ClientHttpResponse {

        private final ClientHttpResponse delegate;
        private final DataSize maxSize;
        private @Nullable InputStream body;

        LimitedResponse(ClientHttpResponse delegate, DataSize maxSize) {
            this.delegate = delegate;
            this.maxSize = maxSize;
        }

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return delegate.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return delegate.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return delegate.getHeaders();
        }

        @Override
        public InputStream getBody() throws IOException {
            if (body == null) {
                body = new LimitedInputStream(delegate.getBody(), maxSize);
            }
            return body;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {

        private final DataSize maxSize;
        private long remaining;

        LimitedInputStream(InputStream in, DataSize maxSize) {
            super(in);
            this.maxSize = maxSize;
            this.remaining = maxSize.toBytes();
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            if (next >= 0) {
                consume(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Read at most one byte past the limit, which is enough to detect the overflow.
            int allowed = (int) Math.min(length, remaining + 1);
            int count = super.read(buffer, offset, allowed);
            if (count > 0) {
                consume(count);
            }
            return count;
        }

        private void consume(long count) throws ResponseTooLargeException {
            remaining -= count;
            if (remaining < 0) {
                throw new ResponseTooLargeException(maxSize);
            }
        }
    }
}
