package radesk.card.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.sun.jna.NativeLong;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.core.card.CardBinding;
import radesk.core.card.KeyKind;

/** A logged-in PKCS#11 session: keys made and used on the card, certificates stored beside them. */
final class Pkcs11CardSession implements CardSession {

	private final String serial;
	private final Session session;
	private final SecureRandom random;
	private final Pkcs11Module module;

	Pkcs11CardSession(String serial, Session session, SecureRandom random, Pkcs11Module module) {
		this.serial = serial;
		this.session = session;
		this.random = random;
		this.module = module;
	}

	/**
	 * A pulled card can look empty rather than absent (SoftHSM2 answers searches on a removed
	 * token with nothing): before saying a key or certificate is missing, make sure the card is.
	 */
	private void ensurePresent() throws CardAccessException {
		module.slotOfCard(serial);
	}

	@Override
	public String cardSerial() {
		return serial;
	}

	@Override
	public CardKey generateKey(KeyKind kind) throws CardAccessException {
		byte[] id = new byte[16];
		random.nextBytes(id);
		return generate(kind, id, "radesk-key-" + HexFormat.of().formatHex(id, 0, 4));
	}

	@Override
	public Optional<CardKey> authenticationKey() throws CardAccessException {
		Optional<NativeLong> pub = object(Cryptoki.CKO_PUBLIC_KEY, CardBinding.keyId());
		if (pub.isEmpty() || object(Cryptoki.CKO_PRIVATE_KEY, CardBinding.keyId()).isEmpty()) {
			ensurePresent();
			return Optional.empty();
		}
		return Optional.of(new CardKey(CardBinding.keyId(), publicKey(pub.get(), CardBinding.KIND), CardBinding.KIND));
	}

	@Override
	public CardKey makeAuthenticationKey() throws CardAccessException {
		Optional<CardKey> there = authenticationKey();
		if (there.isPresent()) {
			return there.get();
		}
		// half made by a cut-off attempt (one half written): cleared before it is made whole
		for (long objectClass : new long[] { Cryptoki.CKO_PRIVATE_KEY, Cryptoki.CKO_PUBLIC_KEY }) {
			for (NativeLong o : session.find(new Template().ulong(Cryptoki.CKA_CLASS, objectClass).bytes(Cryptoki.CKA_ID, CardBinding.keyId()), 8)) {
				session.destroy(o);
			}
		}
		return generate(CardBinding.KIND, CardBinding.keyId(), "radesk-card-authentication");
	}

	/**
	 * The EC P-256 key pair with this CKA_ID (the CA's keys on its token); with {@code create} made
	 * when there is none, a half left by a cut-off attempt cleared first.
	 */
	Optional<CardKey> keyWithId(byte[] id, boolean create) throws CardAccessException {
		Optional<NativeLong> pub = object(Cryptoki.CKO_PUBLIC_KEY, id);
		if (pub.isPresent() && object(Cryptoki.CKO_PRIVATE_KEY, id).isPresent()) {
			return Optional.of(new CardKey(id, publicKey(pub.get(), KeyKind.EC_P256), KeyKind.EC_P256));
		}
		if (!create) {
			return Optional.empty();
		}
		for (long objectClass : new long[] { Cryptoki.CKO_PRIVATE_KEY, Cryptoki.CKO_PUBLIC_KEY }) {
			for (NativeLong o : session.find(new Template().ulong(Cryptoki.CKA_CLASS, objectClass).bytes(Cryptoki.CKA_ID, id), 8)) {
				session.destroy(o);
			}
		}
		return Optional.of(generate(KeyKind.EC_P256, id, new String(id, StandardCharsets.UTF_8)));
	}

	private CardKey generate(KeyKind kind, byte[] id, String labelText) throws CardAccessException {
		byte[] label = labelText.getBytes(StandardCharsets.UTF_8);
		Template pub = new Template().ulong(Cryptoki.CKA_CLASS, Cryptoki.CKO_PUBLIC_KEY).bool(Cryptoki.CKA_TOKEN, true)
				.bool(Cryptoki.CKA_VERIFY, true).bytes(Cryptoki.CKA_ID, id).bytes(Cryptoki.CKA_LABEL, label);
		Template priv = new Template().ulong(Cryptoki.CKA_CLASS, Cryptoki.CKO_PRIVATE_KEY).bool(Cryptoki.CKA_TOKEN, true)
				.bool(Cryptoki.CKA_PRIVATE, true).bool(Cryptoki.CKA_SENSITIVE, true).bool(Cryptoki.CKA_EXTRACTABLE, false)
				.bool(Cryptoki.CKA_SIGN, true).bytes(Cryptoki.CKA_ID, id).bytes(Cryptoki.CKA_LABEL, label);
		long mechanism;
		if (kind == KeyKind.RSA_2048) {
			pub.ulong(Cryptoki.CKA_MODULUS_BITS, 2048).bytes(Cryptoki.CKA_PUBLIC_EXPONENT, new byte[] { 1, 0, 1 });
			mechanism = Cryptoki.CKM_RSA_PKCS_KEY_PAIR_GEN;
		} else {
			pub.bytes(Cryptoki.CKA_EC_PARAMS, kind == KeyKind.EC_P384 ? CardKeyCodec.P384_PARAMS : CardKeyCodec.P256_PARAMS);
			mechanism = Cryptoki.CKM_EC_KEY_PAIR_GEN;
		}
		NativeLong[] handles = session.generateKeyPair(mechanism, pub, priv);
		return new CardKey(id, publicKey(handles[0], kind), kind);
	}

	private PublicKey publicKey(NativeLong object, KeyKind kind) throws CardAccessException {
		try {
			return kind == KeyKind.RSA_2048
					? CardKeyCodec.rsa(session.attribute(object, Cryptoki.CKA_MODULUS), session.attribute(object, Cryptoki.CKA_PUBLIC_EXPONENT))
					: CardKeyCodec.ec(kind, session.attribute(object, Cryptoki.CKA_EC_POINT));
		} catch (GeneralSecurityException e) {
			throw new CardAccessException(Reason.MODULE_ERROR, "unreadable public key: " + e.getMessage(), e);
		}
	}

	@Override
	public byte[] sign(CardKey key, String algorithm, byte[] data) throws CardAccessException {
		Optional<NativeLong> found = object(Cryptoki.CKO_PRIVATE_KEY, key.id());
		if (found.isEmpty()) {
			ensurePresent();
			throw new CardAccessException(Reason.KEY_NOT_ON_CARD, key.idHex(), null);
		}
		NativeLong privateKey = found.get();
		try {
			switch (algorithm) {
			case "SHA256withRSA":
				return session.sign(privateKey, Cryptoki.CKM_RSA_PKCS, CardKeyCodec.rsaSha256DigestInfo(data));
			case "SHA256withECDSA":
				return CardKeyCodec.ecdsaToDer(session.sign(privateKey, Cryptoki.CKM_ECDSA, MessageDigest.getInstance("SHA-256").digest(data)));
			case "SHA384withECDSA":
				return CardKeyCodec.ecdsaToDer(session.sign(privateKey, Cryptoki.CKM_ECDSA, MessageDigest.getInstance("SHA-384").digest(data)));
			default:
				throw new CardAccessException(Reason.MODULE_ERROR, "no signature algorithm " + algorithm, null);
			}
		} catch (GeneralSecurityException e) {
			throw new CardAccessException(Reason.MODULE_ERROR, e.getMessage(), e);
		}
	}

	@Override
	public void storeCertificate(X509Certificate certificate) throws CardAccessException {
		Optional<CardKey> holder = keyFor(certificate.getPublicKey());
		if (holder.isEmpty()) {
			// a staff card's certificate is for its authentication key
			Optional<CardKey> auth = authenticationKey();
			if (auth.isPresent() && java.util.Arrays.equals(auth.get().publicKey().getEncoded(), certificate.getPublicKey().getEncoded())) {
				holder = auth;
			}
		}
		if (holder.isEmpty()) {
			ensurePresent();
			throw new CardAccessException(Reason.KEY_NOT_ON_CARD, certificate.getSerialNumber().toString(16), null);
		}
		CardKey key = holder.get();
		for (X509Certificate present : certificates()) {
			if (present.equals(certificate)) {
				return;
			}
		}
		try {
			session.create(new Template().ulong(Cryptoki.CKA_CLASS, Cryptoki.CKO_CERTIFICATE)
					.ulong(Cryptoki.CKA_CERTIFICATE_TYPE, Cryptoki.CKC_X_509).bool(Cryptoki.CKA_TOKEN, true)
					.bool(Cryptoki.CKA_PRIVATE, false).bytes(Cryptoki.CKA_ID, key.id())
					.bytes(Cryptoki.CKA_LABEL, ("radesk-cert-" + certificate.getSerialNumber().toString(16)).getBytes(StandardCharsets.UTF_8))
					.bytes(Cryptoki.CKA_SUBJECT, certificate.getSubjectX500Principal().getEncoded())
					.bytes(Cryptoki.CKA_ISSUER, certificate.getIssuerX500Principal().getEncoded())
					.bytes(Cryptoki.CKA_SERIAL_NUMBER, derInteger(certificate.getSerialNumber().toByteArray()))
					.bytes(Cryptoki.CKA_VALUE, certificate.getEncoded()));
		} catch (CertificateException e) {
			throw new CardAccessException(Reason.MODULE_ERROR, e.getMessage(), e);
		}
	}

	private static byte[] derInteger(byte[] value) {
		byte[] der = new byte[value.length + 2];
		der[0] = 0x02;
		der[1] = (byte) value.length;
		System.arraycopy(value, 0, der, 2, value.length);
		return der;
	}

	@Override
	public List<X509Certificate> certificates() throws CardAccessException {
		List<X509Certificate> certificates = certificatesIn(session);
		if (certificates.isEmpty()) {
			ensurePresent();
		}
		return certificates;
	}

	/** The certificates on a card: public objects, readable with or without the PIN. */
	static List<X509Certificate> certificatesIn(Session session) throws CardAccessException {
		List<X509Certificate> certificates = new ArrayList<>();
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			for (NativeLong o : session.find(new Template().ulong(Cryptoki.CKA_CLASS, Cryptoki.CKO_CERTIFICATE), 64)) {
				certificates.add((X509Certificate) factory
						.generateCertificate(new ByteArrayInputStream(session.attribute(o, Cryptoki.CKA_VALUE))));
			}
		} catch (CertificateException e) {
			throw new CardAccessException(Reason.MODULE_ERROR, "unreadable certificate on the card: " + e.getMessage(), e);
		}
		return certificates;
	}

	@Override
	public List<CardKey> keys() throws CardAccessException {
		List<CardKey> keys = new ArrayList<>();
		for (NativeLong o : session.find(new Template().ulong(Cryptoki.CKA_CLASS, Cryptoki.CKO_PUBLIC_KEY), 64)) {
			byte[] id = session.attribute(o, Cryptoki.CKA_ID);
			// the card's authentication key is the RA's proof of the card, never a certificate's key
			if (CardBinding.isAuthenticationKey(id) || object(Cryptoki.CKO_PRIVATE_KEY, id).isEmpty()) {
				continue;
			}
			KeyKind kind = kindOf(o);
			keys.add(new CardKey(id, publicKey(o, kind), kind));
		}
		if (keys.isEmpty()) {
			ensurePresent();
		}
		return keys;
	}

	private KeyKind kindOf(NativeLong publicKey) throws CardAccessException {
		byte[] type = session.attribute(publicKey, Cryptoki.CKA_KEY_TYPE);
		if (type[0] == Cryptoki.CKK_RSA) {
			return KeyKind.RSA_2048;
		}
		byte[] params = session.attribute(publicKey, Cryptoki.CKA_EC_PARAMS);
		return java.util.Arrays.equals(params, CardKeyCodec.P384_PARAMS) ? KeyKind.EC_P384 : KeyKind.EC_P256;
	}

	@Override
	public Optional<CardKey> keyFor(PublicKey publicKey) throws CardAccessException {
		for (CardKey k : keys()) {
			if (java.util.Arrays.equals(k.publicKey().getEncoded(), publicKey.getEncoded())) {
				return Optional.of(k);
			}
		}
		return Optional.empty();
	}

	@Override
	public void deleteKey(CardKey key) throws CardAccessException {
		for (long objectClass : new long[] { Cryptoki.CKO_CERTIFICATE, Cryptoki.CKO_PRIVATE_KEY, Cryptoki.CKO_PUBLIC_KEY }) {
			for (NativeLong o : session.find(new Template().ulong(Cryptoki.CKA_CLASS, objectClass).bytes(Cryptoki.CKA_ID, key.id()), 8)) {
				session.destroy(o);
			}
		}
	}

	private Optional<NativeLong> object(long objectClass, byte[] id) throws CardAccessException {
		List<NativeLong> found = session.find(new Template().ulong(Cryptoki.CKA_CLASS, objectClass).bytes(Cryptoki.CKA_ID, id), 1);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	@Override
	public void close() {
		session.close();
	}

	/** See {@link Session#abandon}. */
	void abandon() {
		session.abandon();
	}
}
