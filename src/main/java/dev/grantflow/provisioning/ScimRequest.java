package dev.grantflow.provisioning;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * One SCIM request before the token is added.
 *
 * @param path  path below the SCIM base URI, with ids already encoded, for example {@code /Users/005xx}
 * @param query encoded query string without {@code ?}, or {@code null}
 * @param body  message to send as JSON, or {@code null}
 */
record ScimRequest(HttpMethod method, String path, @Nullable String query, @Nullable Object body) {

    /** Returns method and path for messages, for example {@code POST /Users}. */
    String operation() {
        return method.name() + " " + path;
    }

    URI uri(ScimTarget target) {
        String base = target.baseUri().toString().replaceAll("/+$", "");
        return URI.create(base + path + (query == null ? "" : "?" + query));
    }

    /** Returns the decoded path and query of {@code uri}, as call records show them. */
    static String displayPath(URI uri) {
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }

    /** Encodes an id for use as one path segment. */
    static String segment(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
