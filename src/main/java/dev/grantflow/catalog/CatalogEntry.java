package dev.grantflow.catalog;

/**
 * A published, fulfillment-enabled application as requesters see it.
 */
public record CatalogEntry(long id, String name, String description, CatalogTemplate template, ApproverType approverType) {
}
