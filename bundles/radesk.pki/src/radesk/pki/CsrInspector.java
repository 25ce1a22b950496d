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
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
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
		try {
			ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().build(key);
			if (!csr.isSignatureValid(verifier)) {
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

	private static String checkKey(SubjectPublicKeyInfo info, PublicKey key) throws CsrException {
		ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
		if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) && key instanceof RSAPublicKey rsa) {
			int bits = rsa.getModulus().bitLength();
			if (bits < 2048) {
				throw new CsrException(CsrProblem.WEAK_KEY, "RSA " + bits + " bits; at least 2048 are required");
			}
			if (bits > 8192) {
				throw new CsrException(CsrProblem.UNSUPPORTED_KEY, "RSA " + bits + " bits");
			}
			return "RSA-" + bits;
		}
		if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
			Object curve = info.getAlgorithm().getParameters();
			if (X9ObjectIdentifiers.prime256v1.equals(curve)) {
				return "EC P-256";
			}
			if (SECObjectIdentifiers.secp384r1.equals(curve)) {
				return "EC P-384";
			}
			throw new CsrException(CsrProblem.UNSUPPORTED_KEY, "EC curve " + curve);
		}
		throw new CsrException(CsrProblem.UNSUPPORTED_KEY, "key algorithm " + algorithm);
	}

	private static boolean startsWithText(byte[] data, String prefix) {
		String head = new String(data, 0, Math.min(data.length, 64), StandardCharsets.US_ASCII).strip();
		return head.startsWith(prefix);
	}
}
