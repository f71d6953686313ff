/**
 * The admins' directory page: find people, change their manager and ADMIN role, and import people from CSV.
 */
@NullMarked
package dev.grantflow.directory.ui;

import org.jspecify.annotations.NullMarked;
