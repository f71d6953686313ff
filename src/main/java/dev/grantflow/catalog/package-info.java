/**
 * Catalog templates and applications: basic information, fulfillment settings and approver type,
 * edited as drafts and made live by publishing.
 */
@NullMarked
package dev.grantflow.catalog;

import org.jspecify.annotations.NullMarked;
