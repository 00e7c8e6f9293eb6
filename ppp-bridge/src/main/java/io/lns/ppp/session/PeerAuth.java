package io.lns.ppp.session;

import io.lns.ppp.auth.AuthDecodeException;
import io.lns.ppp.auth.Chap;
import io.lns.ppp.auth.MsChapV2;
import io.lns.ppp.auth.PapMessages;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.lcp.AuthProtocol;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;

/**
 * The peer's side of one authentication phase: PAP (RFC 1334 §2.2, we send Authenticate-Requests until
 * answered), CHAP-MD5 (RFC 1994 §4) and MS-CHAPv2 (RFC 2759, checking the authenticator's S= response).
 * Sans-IO like the {@link PppSession} owning it; the bounded timer is read with {@link #deadline()}.
 */
final class PeerAuth {
    /** What the exchange does to its session. */
    interface Session {
        void send(int protocol, byte[] information);

        void authenticated(long now);

        void refused(long now, String reason);
    }

    private final PppSessionConfig config;
    private final RandomGenerator random;
    private final Session session;
    private final AuthProtocol method;
    private int id;
    private int retries;
    private long deadline = Long.MAX_VALUE;
    private String expectedAuthenticatorResponse;
    private byte[] answeredChallenge;
    private byte[] lastResponse;

    PeerAuth(PppSessionConfig config, RandomGenerator random, Session session, AuthProtocol method) {
        this.config = config;
        this.random = random;
        this.session = session;
        this.method = method;
    }

    /** PAP: send the first request. CHAP: wait for the Challenge, bounded like a Configure-Request exchange. */
    void start(long now) {
        retries = config.ncpFsm().maxConfigure();
        if (method == AuthProtocol.PAP) {
            id = random.nextInt(256);
            sendPapRequest(now);
        } else {
            deadline = now + wholeExchange();
        }
    }

    long deadline() {
        return deadline;
    }

    void tick(long now) {
        if (now < deadline) return;
        deadline = Long.MAX_VALUE;
        if (method == AuthProtocol.PAP && retries > 0) sendPapRequest(now);
        else session.refused(now, "authentication timed out");
    }

    void pap(PapMessages.Packet packet, long now) {
        if (packet.identifier() != id) return;
        switch (packet) {
            case PapMessages.Ack ack -> {
                deadline = Long.MAX_VALUE;
                session.authenticated(now);
            }
            case PapMessages.Nak nak -> {
                deadline = Long.MAX_VALUE;
                session.refused(now, "authenticator rejected us: " + nak.message());
            }
            default -> {}
        }
    }

    void chap(Chap.Packet packet, long now) {
        switch (packet) {
            case Chap.Challenge c -> answer(c, now);
            case Chap.Success s -> {
                if (s.identifier() != id) return;
                deadline = Long.MAX_VALUE;
                if (method == AuthProtocol.MSCHAP_V2) {
                    String received;
                    try {
                        received = MsChapV2.parseSuccessMessage(s.message());
                    } catch (AuthDecodeException e) {
                        session.refused(now, "MS-CHAPv2 Success without a valid S=");
                        return;
                    }
                    if (!MsChapV2.verifyAuthenticatorResponse(expectedAuthenticatorResponse, received)) {
                        session.refused(now, "MS-CHAPv2: the authenticator's S= response is wrong");
                        return;
                    }
                }
                session.authenticated(now);
            }
            case Chap.Failure f -> {
                if (f.identifier() != id) return;
                deadline = Long.MAX_VALUE;
                session.refused(now, "authenticator rejected us: " + f.message());
            }
            default -> {}
        }
    }

    private void answer(Chap.Challenge c, long now) {
        if (lastResponse != null && c.identifier() == id && java.util.Arrays.equals(c.value(), answeredChallenge)) {
            // A retransmitted Challenge (our Response or its verdict was lost, or is late): answer it
            // the same way. A fresh MS-CHAPv2 peer challenge would change the S= we expect, while the
            // authenticator may already be answering the first Response.
            session.send(PppFrame.CHAP, lastResponse);
            deadline = now + wholeExchange();
            return;
        }
        byte[] value;
        if (method == AuthProtocol.CHAP_MD5) {
            value = Chap.md5Response(c.identifier(), config.password().getBytes(StandardCharsets.UTF_8), c.value());
        } else {
            byte[] auth = c.value();
            if (auth.length != MsChapV2.CHALLENGE_LENGTH) return;
            byte[] peer = new byte[MsChapV2.CHALLENGE_LENGTH];
            random.nextBytes(peer);
            String name = MsChapV2.stripDomain(config.user());
            byte[] nt = MsChapV2.generateNtResponse(auth, peer, name, config.password());
            expectedAuthenticatorResponse =
                    MsChapV2.generateAuthenticatorResponse(config.password(), nt, peer, auth, name);
            value = new MsChapV2.ResponseValue(peer, nt, 0).encode();
        }
        id = c.identifier();
        answeredChallenge = c.value().clone();
        lastResponse = new Chap.Response(id, value, config.user().getBytes(StandardCharsets.UTF_8)).encode();
        session.send(PppFrame.CHAP, lastResponse);
        deadline = now + wholeExchange();
    }

    private void sendPapRequest(long now) {
        retries--;
        session.send(
                PppFrame.PAP,
                PapMessages.Request.of(id, config.user(), config.password()).encode());
        deadline = now + config.ncpFsm().restartTimer().toNanos();
    }

    private long wholeExchange() {
        return config.ncpFsm().restartTimer().toNanos() * config.ncpFsm().maxConfigure();
    }
}
