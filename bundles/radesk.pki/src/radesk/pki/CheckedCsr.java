package radesk.pki;

import java.security.PublicKey;

/**
 * A request that passed every check: its key is strong enough and it signed the request itself.
 * Only the key is used for the certificate; the subject comes from the RA's records.
 */
public record CheckedCsr(PublicKey publicKey, String keyDescription, byte[] encoded) {
}
