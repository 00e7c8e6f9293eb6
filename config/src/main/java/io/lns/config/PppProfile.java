package io.lns.config;

/** A ppp profile. It has no settings yet; PPP options arrive with the PPP engine. */
public record PppProfile() {

    /** The built-in {@code default} ppp profile. */
    public static final PppProfile DEFAULTS = new PppProfile();
}
