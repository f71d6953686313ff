/**
 * The requester's catalog, the request form and the status pages.
 */
@NullMarked
package dev.grantflow.request.ui;

import org.jspecify.annotations.NullMarked;
