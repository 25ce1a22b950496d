package radesk.api;

import java.util.List;

import radesk.core.access.Actor;

/**
 * 憑證申請 and 憑證下載, the RA's half: the card's is done where the card is (the subscriber edition,
 * radesk.flows), and only its results reach the RA.
 */
public interface CertificateDesk {

	/**
	 * 憑證申請: {@code csr} is
	 * the PKCS#10 request made and signed on card {@code cardSerial} with its key {@code keyId}
	 * (the key's PKCS#11 id, hex). One certificate per key: asking again with the same key (the
	 * answer was lost on the way, the card pulled) answers the certificate issued then. The
	 * certificate is 已核發未寫入 until {@link #confirmOnCard} tells that the card took it.
	 * <p>
	 * Bound to the card: {@code cardSignature} is the card's authentication key's signature over
	 * {@link radesk.core.card.CardBinding#message} (APPLICATION, this subscriber, this card,
	 * {@code challenge} from {@link AccountDesk#cardChallenge()}, this request). Without it, with
	 * another card's, or with a used or stale challenge, nothing is issued (and the attempt is
	 * audited). A card holds one valid certificate at a time (renewal is the way to the next), and a
	 * subscriber is issued a few a day at most.
	 */
	IssuedCertificate issue(Actor subscriber, String cardSerial, String keyId, byte[] csr, byte[] challenge, byte[] cardSignature)
			throws ServiceException;

	/**
	 * The card took the certificate: {@code signature} is its key's signature over {@code challenge}
	 * (from {@link AccountDesk#cardChallenge()}), made on card {@code cardSerial} — the card the
	 * certificate was requested with and no other (WRONG_CARD).
	 */
	IssuedCertificate confirmOnCard(Actor subscriber, String certificateSerial, String cardSerial, byte[] challenge,
			byte[] signature) throws ServiceException;

	/**
	 * The subscriber edition tells what its card said of the PIN: {@code strikes} wrong PINs since the
	 * last right one (0 to 3; the third locks the card, 鎖卡). The card's record follows, audited, so
	 * the counter sees a locked card as locked.
	 */
	void reportPinStrikes(Actor subscriber, String cardSerial, int strikes) throws ServiceException;

	/** The subscriber's certificates, newest expiry first. */
	List<IssuedCertificate> certificates(Actor subscriber) throws ServiceException;
}
