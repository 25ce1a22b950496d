package radesk.api;

import radesk.core.access.Actor;

/**
 * 憑證展期 (seed 5.3), the RA's half: a new certificate for a new key on the same card, in place of
 * the card's current one, within its renewal window (one month before notAfter until notAfter).
 */
public interface RenewalDesk {

	/**
	 * Renews {@code oldSerial}, on card {@code cardSerial}, with the request {@code csr} for a new key
	 * ({@code keyId}) made on that card. The request carries three proofs for a fresh challenge: the new
	 * key's own (the request's signature) and the card's authentication key's ({@code cardSignature}) over
	 * {@link radesk.core.card.CardBinding#message} with purpose RENEWAL, and the old certificate's key's
	 * ({@code oldKeySignature}) over the CMP key update request for the new key
	 * ({@code radesk.pki.KeyUpdateRequest#toBeSigned}), which an external CA is sent as signed. Refused: a certificate not this subscriber's or
	 * not on this card (NOT_YOURS, WRONG_CARD), not in use (WRONG_STATE), expired (CERTIFICATE_EXPIRED —
	 * register again at the RA), before its window (RENEWAL_NOT_OPEN, the detail is when it opens), a key
	 * certified before (BAD_REQUEST). Asked again for the same new key, the same certificate. The new
	 * certificate is 已核發未寫入 until the card confirms it; only then is the old one SUPERSEDED.
	 */
	IssuedCertificate renew(Actor subscriber, String oldSerial, String cardSerial, String keyId, byte[] csr, byte[] challenge,
			byte[] cardSignature, byte[] oldKeySignature) throws ServiceException;
}
