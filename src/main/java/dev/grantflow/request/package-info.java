/**
 * Access requests: submission, status and history. Approval and provisioning report their
 * progress through this package's service.
 */
@NullMarked
package dev.grantflow.request;

import org.jspecify.annotations.NullMarked;
