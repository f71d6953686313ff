package dev.grantflow.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A published version of an application: who published it, when, and what changed from the version before.
 * Secrets appear only as "changed".
 */
public record VersionSummary(int version, String publishedBy, Instant publishedAt, List<String> changes) {
}
