/**
 * Grantflow's root package. Each feature lives in its own subpackage, with its views in {@code ui}.
 */
@NullMarked
package dev.grantflow;

import org.jspecify.annotations.NullMarked;
