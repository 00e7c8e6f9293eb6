/**
 * PPP for lns (RFC 1661 and friends), Sans-IO: frames in, frames and events out, driven by a
 * clock the caller passes in. Shared by the LNS (authenticator role) and the load tester's
 * subscribers (peer role).
 */
package io.lns.ppp;
