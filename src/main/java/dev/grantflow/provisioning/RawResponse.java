package dev.grantflow.provisioning;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * Status, content type and fully read body of one HTTP response.
 */
record RawResponse(int status, @Nullable MediaType contentType, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Whether the declared content type is JSON, or absent and so possibly JSON. */
    boolean mayBeJson() {
        if (contentType == null) {
            return true;
        }
        String subtype = contentType.getSubtype();
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
