package dev.grantflow.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Catalog settings.
 *
 * @param allowHttpLoopback whether Base URI and token URL may use plain http on a loopback host (the demo's sandbox)
 */
@ConfigurationProperties("grantflow.catalog")
public record CatalogProperties(boolean allowHttpLoopback) {
}
