package radesk.card;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import radesk.api.CardAccessException;
import radesk.core.card.KeyKind;

/** A card opened with its user PIN. Closing logs out. */
public interface CardSession extends AutoCloseable {

	String cardSerial();

	/** Generates a key pair on the card: private, sensitive, never extractable. */
	CardKey generateKey(KeyKind kind) throws CardAccessException;

	/**
	 * The card's authentication key ({@link radesk.core.card.CardBinding}), made at personalization;
	 * empty on a card personalized before there was one. Never among {@link #keys()}.
	 */
	Optional<CardKey> authenticationKey() throws CardAccessException;

	/** Makes the card's authentication key, or answers the one there is (a personalization resumed). */
	CardKey makeAuthenticationKey() throws CardAccessException;

	/** Signs on the card; {@code algorithm} is a JCA name (SHA256withRSA, SHA256withECDSA, SHA384withECDSA). */
	byte[] sign(CardKey key, String algorithm, byte[] data) throws CardAccessException;

	/**
	 * Writes a certificate next to the key it certifies, with the key's id: a key of {@link #keys()},
	 * or the authentication key (a staff card's certificate).
	 *
	 * @throws CardAccessException KEY_NOT_ON_CARD when this card does not hold the certificate's key
	 */
	void storeCertificate(X509Certificate certificate) throws CardAccessException;

	List<X509Certificate> certificates() throws CardAccessException;

	/** The key pairs on the card that certificates are for (the authentication key is not one of them). */
	List<CardKey> keys() throws CardAccessException;

	Optional<CardKey> keyFor(PublicKey publicKey) throws CardAccessException;

	/** Removes a key pair (and any certificate of it) from the card: undoing an application cut off mid-way. */
	void deleteKey(CardKey key) throws CardAccessException;

	@Override
	void close();
}
