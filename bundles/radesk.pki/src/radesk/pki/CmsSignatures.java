package radesk.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Detached CMS signatures (RFC 5652), the signature part of an S/MIME multipart/signed message
 * (RFC 8551): SHA-256 with the signer's EC key, the signer's certificate and its chain inside, so a
 * mail program can build the path to the RA's root.
 */
public final class CmsSignatures {

	/** The micalg parameter of multipart/signed that goes with these signatures. */
	public static final String MICALG = "sha-256";

	private CmsSignatures() {
	}

	/** The nonces of P-256 signatures ({@link P256Signer}). */
	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
	private static final org.bouncycastle.operator.DigestCalculatorProvider DIGESTS = digests();

	/**
	 * The chain and key of the last signer, made ready once: every notice of a run has the same. The
	 * key as the native provider holds it ({@code nativeKey}, null without one), else on Bouncy
	 * Castle's shared P-256 domain ({@code p256}, empty when it is not a software P-256 key).
	 */
	private record Prepared(List<X509Certificate> chain, PrivateKey key, JcaCertStore store,
			org.bouncycastle.cert.X509CertificateHolder signer, PrivateKey nativeKey,
			java.util.Optional<org.bouncycastle.crypto.params.ECPrivateKeyParameters> p256) {

		org.bouncycastle.operator.ContentSigner contentSigner() throws OperatorCreationException {
			if (nativeKey != null) {
				return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(NativeCrypto.provider().orElseThrow()).build(nativeKey);
			}
			return p256.isPresent() ? P256Signer.signer(p256.get(), RANDOM) : new JcaContentSignerBuilder("SHA256withECDSA").build(key);
		}
	}

	private static volatile Prepared prepared;

	private static org.bouncycastle.operator.DigestCalculatorProvider digests() {
		try {
			return new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build();
		} catch (OperatorCreationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The DER of a detached SignedData over {@code content}, signed by {@code key} of {@code chain.get(0)}. */
	public static byte[] detached(byte[] content, PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
		try {
			Prepared p = prepared;
			if (p == null || p.key() != key || !p.chain().equals(chain)) {
				p = new Prepared(List.copyOf(chain), key, new JcaCertStore(chain),
						new org.bouncycastle.cert.X509CertificateHolder(chain.get(0).getEncoded()), NativeCrypto.translated(key), P256Signer.key(key));
				prepared = p;
			}
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(DIGESTS).build(p.contentSigner(), p.signer()));
			generator.addCertificates(p.store());
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		} catch (OperatorCreationException | CMSException | IOException e) {
			throw new GeneralSecurityException("the CMS signature could not be made: " + e.getMessage(), e);
		}
	}
}
