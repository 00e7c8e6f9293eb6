package io.lns.config;

/** A PPP authentication protocol the LNS may ask the peer for, in a ppp profile's order of preference. */
public enum PppAuthProtocol {
    /** Password Authentication Protocol (RFC 1334). */
    PAP,
    /** CHAP with MD5 (RFC 1994). */
    CHAP,
    /** Microsoft CHAP version 2 (RFC 2759). */
    MSCHAPV2
}
