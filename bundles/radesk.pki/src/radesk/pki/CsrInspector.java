package radesk.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Checks a PKCS#10 request before anything is issued from it: it must parse, be of a sane size,
 * carry an allowed key (RSA ≥ 2048, EC P-256 or P-384) and be signed by that key (proof of
 * possession).
 */
public final class CsrInspector {

	/** A 4096-bit RSA request with a long subject is under 2 KiB; anything near this is not a card's. */
	public static final int MAX_BYTES = 16 * 1024;

	private CsrInspector() {
	}

	/** Accepts DER or PEM ("CERTIFICATE REQUEST"). */
	public static CheckedCsr inspect(byte[] request) throws CsrException {
		if (request == null || request.length == 0) {
			throw new CsrException(CsrProblem.MALFORMED, "empty");
		}
		if (request.length > MAX_BYTES) {
			throw new CsrException(CsrProblem.OVERSIZED, request.length + " bytes");
		}
		JcaPKCS10CertificationRequest csr = parse(request);
		PublicKey key;
		try {
			key = csr.getPublicKey();
		} catch (Exception e) {
			throw new CsrException(CsrProblem.MALFORMED, "unreadable public key: " + e.getMessage());
		}
		String description = checkKey(csr.getSubjectPublicKeyInfo(), key);
		if (!SIGNATURES.contains(csr.getSignatureAlgorithm().getAlgorithm())) {
			throw new CsrException(CsrProblem.WEAK_SIGNATURE, "signature algorithm " + csr.getSignatureAlgorithm().getAlgorithm());
		}
		try {
			// AWS-LC where it loads (about 20 times the JDK's ECDSA verification), else the JDK's providers
			if (!csr.isSignatureValid(NativeCrypto.verifier(key))) {
				throw new CsrException(CsrProblem.BAD_SIGNATURE, "the request's signature does not verify with its key");
			}
		} catch (OperatorCreationException | PKCSException e) {
			throw new CsrException(CsrProblem.BAD_SIGNATURE, e.getMessage());
		}
		return new CheckedCsr(key, description, request.clone());
	}

	private static JcaPKCS10CertificationRequest parse(byte[] request) throws CsrException {
		byte[] der = request;
		if (startsWithText(request, "-----BEGIN")) {
			try (PemReader pem = new PemReader(new StringReader(new String(request, StandardCharsets.US_ASCII)))) {
				PemObject object = pem.readPemObject();
				if (object == null || !object.getType().endsWith("CERTIFICATE REQUEST")) {
					throw new CsrException(CsrProblem.MALFORMED, "not a PEM certificate request");
				}
				der = object.getContent();
			} catch (IOException e) {
				throw new CsrException(CsrProblem.MALFORMED, e.getMessage());
			}
		}
		try {
			return new JcaPKCS10CertificationRequest(new PKCS10CertificationRequest(der));
		} catch (IOException | RuntimeException e) {
			throw new CsrException(CsrProblem.MALFORMED, "not PKCS#10: " + e.getMessage());
		}
	}

	/** The proof-of-possession signatures taken: SHA-2 with RSA (PKCS#1 v1.5) or ECDSA; never SHA-1 or MD5. */
	private static final java.util.Set<ASN1ObjectIdentifier> SIGNATURES = java.util.Set.of(
			PKCSObjectIdentifiers.sha256WithRSAEncryption, PKCSObjectIdentifiers.sha384WithRSAEncryption,
			PKCSObjectIdentifiers.sha512WithRSAEncryption, X9ObjectIdentifiers.ecdsa_with_SHA256,
			X9ObjectIdentifiers.ecdsa_with_SHA384, X9ObjectIdentifiers.ecdsa_with_SHA512);

	/** The odd primes below 1000: a modulus divisible by one is no product of two large primes (CA/B BR 6.1.6). */
	private static final int[] SMALL_PRIMES = java.util.stream.IntStream.iterate(3, n -> n < 1000, n -> n + 2)
			.filter(n -> java.math.BigInteger.valueOf(n).isProbablePrime(50)).toArray();

	/** One remainder per small prime (a one-word division each): far quicker than a gcd with their product. */
	private static boolean hasSmallFactor(java.math.BigInteger n) {
		for (int p : SMALL_PRIMES) {
			if (n.mod(java.math.BigInteger.valueOf(p)).signum() == 0) {
				return true;
			}
		}
		return false;
	}

	private static String checkKey(SubjectPublicKeyInfo info, PublicKey key) throws CsrException {
		ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
		if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) && key instanceof RSAPublicKey rsa) {
			java.math.BigInteger n = rsa.getModulus();
			java.math.BigInteger e = rsa.getPublicExponent();
			int bits = n.bitLength();
			if (bits < 2048) {
				throw new CsrException(CsrProblem.WEAK_KEY, "RSA " + bits + " bits; at least 2048 are required");
			}
			if (bits > 8192) {
				throw new CsrException(CsrProblem.UNSUPPORTED_KEY, "RSA " + bits + " bits");
			}
			if (bits % 8 != 0) {
				throw new CsrException(CsrProblem.WEAK_KEY, "RSA modulus of " + bits + " bits: not a whole number of bytes");
			}
			// CA/B Baseline Requirements 6.1.6: e odd, 2^16+1 <= e <= 2^256-1; the modulus odd, no small factors
			if (!e.testBit(0) || e.compareTo(java.math.BigInteger.valueOf(65537)) < 0 || e.bitLength() > 256) {
				throw new CsrException(CsrProblem.WEAK_KEY, "RSA public exponent " + e);
			}
			if (!n.testBit(0) || hasSmallFactor(n)) {
				throw new CsrException(CsrProblem.WEAK_KEY, "RSA modulus with a small factor");
			}
			return "RSA-" + bits;
		}
		if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
			Object curve = info.getAlgorithm().getParameters();
			String name = X9ObjectIdentifiers.prime256v1.equals(curve) ? "P-256"
					: SECObjectIdentifiers.secp384r1.equals(curve) ? "P-384" : null;
			if (name == null) {
				throw new CsrException(CsrProblem.UNSUPPORTED_KEY, "EC curve " + curve);
			}
			validPoint(info, (ASN1ObjectIdentifier) curve);
			return "EC " + name;
		}
		throw new CsrException(CsrProblem.UNSUPPORTED_KEY, "key algorithm " + algorithm);
	}

	/**
	 * SP 800-56A 5.6.2.3.3 full public-key validation: the point decodes, is not the point at
	 * infinity, lies on the named curve and is of the curve's order ({@code isValid} checks all three;
	 * on P-256 and P-384, of cofactor 1, every point on the curve is of its order).
	 */
	private static void validPoint(SubjectPublicKeyInfo info, ASN1ObjectIdentifier curve) throws CsrException {
		org.bouncycastle.asn1.x9.X9ECParameters params = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByOID(curve);
		try {
			org.bouncycastle.math.ec.ECPoint q = params.getCurve().decodePoint(info.getPublicKeyData().getOctets());
			if (q.isInfinity() || !q.isValid() || !params.getH().equals(java.math.BigInteger.ONE)) {
				throw new CsrException(CsrProblem.WEAK_KEY, "EC public point not on the curve");
			}
		} catch (IllegalArgumentException e) {
			throw new CsrException(CsrProblem.WEAK_KEY, "EC public point: " + e.getMessage());
		}
	}

	private static boolean startsWithText(byte[] data, String prefix) {
		String head = new String(data, 0, Math.min(data.length, 64), StandardCharsets.US_ASCII).strip();
		return head.startsWith(prefix);
	}
}
