package io.lns.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The peer profile an incoming tunnel falls under.
 *
 * @param profileName name of the matched profile ({@code default} when nothing else matched)
 * @param profile the profile
 * @param by what matched
 * @param prefix the address prefix that matched, if an address criterion took part
 */
public record PeerMatch(String profileName, PeerProfile profile, By by, Optional<IpPrefix> prefix) {

    /** What selected the profile. */
    public enum By {
        /** The peer's Host Name AVP (and, if the profile lists addresses, its address too). */
        HOST_NAME,
        /** The peer's address, longest prefix over the profiles that list no host names. */
        ADDRESS,
        /** Nothing matched; the {@code default} peer profile applies. */
        DEFAULT
    }

    public PeerMatch {
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(prefix, "prefix");
    }

    /** Whether a profile other than {@code default} matched (what auth mode SIMPLE asks). */
    public boolean matched() {
        return by != By.DEFAULT;
    }
}
