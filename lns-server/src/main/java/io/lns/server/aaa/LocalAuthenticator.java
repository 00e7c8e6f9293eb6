package io.lns.server.aaa;

import io.lns.config.Secret;
import io.lns.ppp.auth.AuthRequest;
import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.auth.Authenticator;
import io.lns.ppp.auth.Chap;
import io.lns.ppp.auth.MsChapV2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks PAP, CHAP-MD5 and MS-CHAPv2 against {@link LocalUsers}. Answers at once (an already
 * completed stage). The users can be swapped on reload; a check in progress uses the set it started
 * with.
 */
public final class LocalAuthenticator implements Authenticator {

    static final String UNKNOWN_USER = "unknown user";
    static final String WRONG_PASSWORD = "wrong password";

    private static final byte[] DUMMY = "not-a-password".getBytes(StandardCharsets.UTF_8);

    private volatile LocalUsers users;

    public LocalAuthenticator(LocalUsers users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    /** Replaces the users (after a reload). */
    public void replaceUsers(LocalUsers users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    public LocalUsers users() {
        return users;
    }

    @Override
    public CompletionStage<AuthResult> authenticate(AuthRequest request) {
        AuthResult result = switch (request) {
            case AuthRequest.PapRequest pap -> pap(pap);
            case AuthRequest.ChapRequest chap -> chap(chap);
            case AuthRequest.MsChapV2Request ms -> msChapV2(ms);
        };
        return CompletableFuture.completedFuture(result);
    }

    private AuthResult pap(AuthRequest.PapRequest req) {
        Optional<LocalUser> user = users.find(req.user());
        // Compare digests: the time taken depends on neither the password's length nor where it differs.
        byte[] expected = user.map(u -> u.password().bytes()).orElse(DUMMY);
        boolean match = MessageDigest.isEqual(sha256(expected), sha256(req.password()));
        if (user.isEmpty()) return new AuthResult.Rejected(UNKNOWN_USER);
        return match ? accepted(user.get(), Optional.empty()) : new AuthResult.Rejected(WRONG_PASSWORD);
    }

    private AuthResult chap(AuthRequest.ChapRequest req) {
        Optional<LocalUser> user = users.find(req.user());
        if (user.isEmpty()) return new AuthResult.Rejected(UNKNOWN_USER);
        boolean ok = Chap.verifyMd5Response(req.id(), user.get().password().bytes(), req.challenge(), req.response());
        return ok ? accepted(user.get(), Optional.empty()) : new AuthResult.Rejected(WRONG_PASSWORD);
    }

    private AuthResult msChapV2(AuthRequest.MsChapV2Request req) {
        // RFC 2759 §4: the name in ChallengeHash has any "DOMAIN\" prefix removed; look the user up by
        // the full name first, then by the bare one.
        String bare = MsChapV2.stripDomain(req.user());
        Optional<LocalUser> user = users.find(req.user()).or(() -> users.find(bare));
        if (user.isEmpty()) return new AuthResult.Rejected(UNKNOWN_USER);
        byte[] hash = ntHash(user.get().password());
        byte[] auth = req.authenticatorChallenge();
        byte[] peer = req.peerChallenge();
        byte[] nt = req.ntResponse();
        if (!MsChapV2.verifyNtResponse(auth, peer, bare, hash, nt)) return new AuthResult.Rejected(WRONG_PASSWORD);
        String authenticatorResponse = MsChapV2.generateAuthenticatorResponseFromHash(hash, nt, peer, auth, bare);
        byte[] master = MsChapV2.masterKey(MsChapV2.hashNtPasswordHash(hash), nt);
        AuthResult.MppeKeys keys = new AuthResult.MppeKeys(
                MsChapV2.asymmetricStartKey(master, true, true), MsChapV2.asymmetricStartKey(master, false, true));
        Arrays.fill(hash, (byte) 0);
        Arrays.fill(master, (byte) 0);
        return accepted(user.get(), Optional.of(new AuthResult.MsChapV2Success(authenticatorResponse, keys)));
    }

    private static AuthResult.Accepted accepted(LocalUser u, Optional<AuthResult.MsChapV2Success> ms) {
        return new AuthResult.Accepted(u.address(), u.pool(), u.pppProfile(), ms, u.routes());
    }

    private static byte[] ntHash(Secret password) {
        byte[] utf8 = password.bytes();
        try {
            return MsChapV2.ntPasswordHash(new String(utf8, StandardCharsets.UTF_8));
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "LocalAuthenticator[" + users + "]";
    }
}
