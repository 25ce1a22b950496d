package radesk.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import radesk.core.card.KeySigner;

/** Builds a PKCS#10 request signed by a key held elsewhere (on the card), as proof of possession. */
public final class CsrBuilder {

	private CsrBuilder() {
	}

	/** The signature algorithm the profile uses for a key: SHA-256 for RSA and P-256, SHA-384 for P-384. */
	public static String algorithmFor(PublicKey key) {
		if (key instanceof ECPublicKey ec) {
			return ec.getParams().getCurve().getField().getFieldSize() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
		}
		return "SHA256withRSA";
	}

	public static byte[] build(PublicKey key, String commonName, KeySigner signer) throws CsrException {
		String algorithm = algorithmFor(key);
		X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
		try {
			return new JcaPKCS10CertificationRequestBuilder(subject, key).build(new DelegatingSigner(algorithm, signer)).getEncoded();
		} catch (IOException | IllegalStateException e) {
			throw new CsrException(CsrProblem.BAD_SIGNATURE, "the card could not sign the request: " + rootMessage(e), rootCause(e));
		}
	}

	private static Throwable rootCause(Throwable t) {
		while (t.getCause() != null) {
			t = t.getCause();
		}
		return t;
	}

	private static String rootMessage(Throwable t) {
		while (t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage();
	}

	private static final class DelegatingSigner implements ContentSigner {
		private final String algorithm;
		private final KeySigner signer;
		private final ByteArrayOutputStream data = new ByteArrayOutputStream();

		DelegatingSigner(String algorithm, KeySigner signer) {
			this.algorithm = algorithm;
			this.signer = signer;
		}

		@Override
		public AlgorithmIdentifier getAlgorithmIdentifier() {
			return new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm);
		}

		@Override
		public OutputStream getOutputStream() {
			return data;
		}

		@Override
		public byte[] getSignature() {
			try {
				return signer.sign(algorithm, data.toByteArray());
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
