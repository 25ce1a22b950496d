package radesk.card.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

import radesk.core.card.KeyKind;

/**
 * The little DER the card layer needs without a PKI library: EC curve parameters, public keys
 * read back from the card, PKCS#1 DigestInfo and ECDSA signatures in the form X.509 expects.
 */
final class CardKeyCodec {

	private static final HexFormat HEX = HexFormat.of();
	static final byte[] P256_PARAMS = HEX.parseHex("06082a8648ce3d030107");
	static final byte[] P384_PARAMS = HEX.parseHex("06052b81040022");
	private static final byte[] P256_SPKI = HEX.parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");
	private static final byte[] P384_SPKI = HEX.parseHex("3076301006072a8648ce3d020106052b81040022036200");
	private static final byte[] SHA256_DIGEST_INFO = HEX.parseHex("3031300d060960864801650304020105000420");

	private CardKeyCodec() {
	}

	static PublicKey rsa(byte[] modulus, byte[] exponent) throws GeneralSecurityException {
		return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(new BigInteger(1, modulus), new BigInteger(1, exponent)));
	}

	/** CKA_EC_POINT is a DER OCTET STRING around the uncompressed point. */
	static PublicKey ec(KeyKind kind, byte[] ecPoint) throws GeneralSecurityException {
		byte[] point = ecPoint;
		if (ecPoint.length > 2 && ecPoint[0] == 0x04 && ecPoint[1] == ecPoint.length - 2) {
			point = Arrays.copyOfRange(ecPoint, 2, ecPoint.length);
		} else if (ecPoint.length > 3 && ecPoint[0] == 0x04 && (ecPoint[1] & 0xff) == 0x81) {
			point = Arrays.copyOfRange(ecPoint, 3, ecPoint.length);
		}
		byte[] prefix = kind == KeyKind.EC_P384 ? P384_SPKI : P256_SPKI;
		byte[] spki = Arrays.copyOf(prefix, prefix.length + point.length);
		System.arraycopy(point, 0, spki, prefix.length, point.length);
		return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
	}

	/** What CKM_RSA_PKCS signs for SHA256withRSA: the DigestInfo of the data's hash. */
	static byte[] rsaSha256DigestInfo(byte[] data) throws GeneralSecurityException {
		byte[] hash = MessageDigest.getInstance("SHA-256").digest(data);
		byte[] info = Arrays.copyOf(SHA256_DIGEST_INFO, SHA256_DIGEST_INFO.length + hash.length);
		System.arraycopy(hash, 0, info, SHA256_DIGEST_INFO.length, hash.length);
		return info;
	}

	/** CKM_ECDSA returns r‖s; X.509 and JCA want SEQUENCE { INTEGER r, INTEGER s }. */
	static byte[] ecdsaToDer(byte[] raw) {
		int half = raw.length / 2;
		byte[] r = integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, half)));
		byte[] s = integer(new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0x30);
		length(out, r.length + s.length);
		out.writeBytes(r);
		out.writeBytes(s);
		return out.toByteArray();
	}

	private static byte[] integer(BigInteger value) {
		byte[] v = value.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0x02);
		length(out, v.length);
		out.writeBytes(v);
		return out.toByteArray();
	}

	private static void length(ByteArrayOutputStream out, int length) {
		if (length < 0x80) {
			out.write(length);
		} else if (length < 0x100) {
			out.write(0x81);
			out.write(length);
		} else {
			out.write(0x82);
			out.write(length >> 8);
			out.write(length & 0xff);
		}
	}
}
