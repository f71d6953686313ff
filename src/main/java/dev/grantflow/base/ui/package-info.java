/**
 * The main layout with its side navigation, and the pages shown on errors.
 */
@NullMarked
package dev.grantflow.base.ui;

import org.jspecify.annotations.NullMarked;
