/**
 * Sign-in, the signed-in person, and secrets encrypted at rest. Depends on no other feature.
 */
@NullMarked
package dev.grantflow.security;

import org.jspecify.annotations.NullMarked;
