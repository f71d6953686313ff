/**
 * Shared building blocks: the application shell, the main layout and error pages.
 */
@NullMarked
package dev.grantflow.base;

import org.jspecify.annotations.NullMarked;
