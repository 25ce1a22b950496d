package radesk.core.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Card possession behind every certificate. At personalization the counter makes the card's
 * <em>authentication key</em> on the card (never extractable, behind the user PIN) and the RA
 * records its public key with the card. Every later request for a certificate carries that key's
 * signature over {@link #message}: a labelled text naming what is asked, by whom, for which card,
 * the RA's fresh single-use challenge and the digest of the request itself. So a website password
 * alone, a key made in software, another card's signature or a replayed one gets nothing, and the
 * signature is useless for anything but this request (it never signs caller-chosen bytes).
 */
public final class CardBinding {

	/** The PKCS#11 id (CKA_ID) of the authentication key on every RA Desk card: 16 ASCII bytes. */
	private static final byte[] KEY_ID = "radesk-card-auth".getBytes(StandardCharsets.US_ASCII);
	/** The authentication key's kind and signature algorithm. */
	public static final KeyKind KIND = KeyKind.EC_P256;
	public static final String ALGORITHM = "SHA256withECDSA";

	/** What a card-bound request asks for. */
	public enum Purpose {
		/** 憑證申請: a first certificate on the card. */
		APPLICATION,
		/** 憑證展期: a new certificate in place of the card's current one. */
		RENEWAL,
		/** A staff card's key shown to the RA for its staff certificate (the request is the key's SubjectPublicKeyInfo). */
		STAFF_CARD,
		/** A member of staff signing in to the RA server with their staff card (no request: an empty one). */
		STAFF_SIGN_IN
	}

	private CardBinding() {
	}

	public static byte[] keyId() {
		return KEY_ID.clone();
	}

	public static boolean isAuthenticationKey(byte[] pkcs11Id) {
		return MessageDigest.isEqual(KEY_ID, pkcs11Id);
	}

	/** The bytes the card's authentication key signs for {@code request} (a PKCS#10 request, DER). */
	public static byte[] message(Purpose purpose, String account, String cardSerial, byte[] challenge, byte[] request) {
		return ("RA Desk card-bound request v1\n" + purpose + "\n" + account + "\n" + cardSerial + "\n"
				+ HexFormat.of().formatHex(challenge) + "\n" + radesk.core.Sha256.hex(request) + "\n").getBytes(StandardCharsets.UTF_8);
	}
}
