/**
 * The admin page that lists the sandbox's users.
 */
@NullMarked
package dev.grantflow.sandbox.ui;

import org.jspecify.annotations.NullMarked;
