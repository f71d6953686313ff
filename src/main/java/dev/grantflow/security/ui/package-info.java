/**
 * The sign-in page.
 */
@NullMarked
package dev.grantflow.security.ui;

import org.jspecify.annotations.NullMarked;
