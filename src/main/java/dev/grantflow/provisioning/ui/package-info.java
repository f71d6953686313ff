/**
 * Admin views of provisioning: the failure queue with held connections, and a request's call log.
 */
@NullMarked
package dev.grantflow.provisioning.ui;

import org.jspecify.annotations.NullMarked;
