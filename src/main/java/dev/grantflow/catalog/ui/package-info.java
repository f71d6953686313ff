/**
 * Admin views that add, edit and publish applications.
 */
@NullMarked
package dev.grantflow.catalog.ui;

import org.jspecify.annotations.NullMarked;
