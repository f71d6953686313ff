package dev.grantflow.security;

import java.util.List;

/**
 * Accounts to show on the sign-in page. Only the demo profile provides a bean of this type.
 */
public interface SignInHints {

    /** A demo account: who it is, what it shows, and its sign-in details. */
    record DemoAccount(String email, String password, String displayName, String role) {
    }

    List<DemoAccount> accounts();
}
