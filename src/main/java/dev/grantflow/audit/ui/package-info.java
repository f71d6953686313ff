/**
 * The admins' view of the audit log, with filters and a CSV export.
 */
@NullMarked
package dev.grantflow.audit.ui;

import org.jspecify.annotations.NullMarked;
