/**
 * The approver's inbox.
 */
@NullMarked
package dev.grantflow.approval.ui;

import org.jspecify.annotations.NullMarked;
