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

	/** The DER of a detached SignedData over {@code content}, signed by {@code key} of {@code chain.get(0)}. */
	public static byte[] detached(byte[] content, PrivateKey key, List<X509Certificate> chain) throws GeneralSecurityException {
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
					.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), chain.get(0)));
			generator.addCertificates(new JcaCertStore(chain));
			return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
		} catch (OperatorCreationException | CMSException | IOException e) {
			throw new GeneralSecurityException("the CMS signature could not be made: " + e.getMessage(), e);
		}
	}
}
