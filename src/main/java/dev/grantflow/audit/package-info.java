/**
 * The append-only audit log: configuration changes, publishes, connection changes, approval decisions,
 * revocations and admin retries, recorded from other features' events in the transaction that caused them.
 * No other feature depends on this package.
 */
@NullMarked
package dev.grantflow.audit;

import org.jspecify.annotations.NullMarked;
