package dev.grantflow.directory;

/**
 * Counts of what an applied CSV import did.
 *
 * @param rejected rows of the preview that were left out
 */
public record ImportResult(int added, int changed, int unchanged, int rejected) {
}
