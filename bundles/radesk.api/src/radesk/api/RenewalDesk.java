package radesk.api;

import radesk.core.access.Actor;

/**
 * 憑證展期 (seed 5.3), the RA's half: a new certificate for a new key on the same card, in place of
 * the card's current one, within its renewal window (one month before notAfter until notAfter).
 */
public interface RenewalDesk {

	/**
	 * Renews {@code oldSerial}, on card {@code cardSerial}, with the request {@code csr} for a new key
	 * ({@code keyId}) made on that card. The request carries three proofs over the same text
	 * ({@link radesk.core.card.CardBinding#message} with purpose RENEWAL and a fresh challenge): the new
	 * key's own (the request's signature), the card's authentication key's ({@code cardSignature}) and the
	 * old certificate's key's ({@code oldKeySignature}). Refused: a certificate not this subscriber's or
	 * not on this card (NOT_YOURS, WRONG_CARD), not in use (WRONG_STATE), expired (CERTIFICATE_EXPIRED —
	 * register again at the RA), before its window (RENEWAL_NOT_OPEN, the detail is when it opens), a key
	 * certified before (BAD_REQUEST). Asked again for the same new key, the same certificate. The new
	 * certificate is 已核發未寫入 until the card confirms it; only then is the old one SUPERSEDED.
	 */
	IssuedCertificate renew(Actor subscriber, String oldSerial, String cardSerial, String keyId, byte[] csr, byte[] challenge,
			byte[] cardSignature, byte[] oldKeySignature) throws ServiceException;
}
