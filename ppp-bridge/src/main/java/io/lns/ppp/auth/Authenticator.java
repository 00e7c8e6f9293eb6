package io.lns.ppp.auth;

import java.util.concurrent.CompletionStage;

/**
 * Decides whether a PPP peer may connect, and on what terms. Implementations may answer at once
 * (local users) or later (RADIUS); the stage must not complete on a thread the caller relies on
 * staying free, so callers hop back to their event loop.
 */
@FunctionalInterface
public interface Authenticator {

    /** Never completes exceptionally for a wrong password: that is an {@link AuthResult.Rejected}. */
    CompletionStage<AuthResult> authenticate(AuthRequest request);
}
