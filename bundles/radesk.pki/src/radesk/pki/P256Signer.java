package radesk.pki;

import java.io.OutputStream;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.util.Optional;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.operator.ContentSigner;

/**
 * SHA256withECDSA with a software P-256 key, by Bouncy Castle's ECDSA on one domain shared by the
 * whole process, so the base point's table of precomputed multiples is made once. Given a JDK key,
 * Bouncy Castle's JCA signer converts the key's domain for every signature — a new base point each
 * time — and makes that table again: a third of each notice's cost in the notices benchmark (JFR,
 * Java 17). Keys on other curves are not taken ({@link #key} is empty): the JCA signer does those.
 */
final class P256Signer {

	private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
	private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(),
			CURVE.getH(), CURVE.getSeed());
	private static final AlgorithmIdentifier ALGORITHM = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);

	private P256Signer() {
	}

	/** {@code key} on the shared P-256 domain, or empty when it is not a software EC key on P-256. */
	static Optional<ECPrivateKeyParameters> key(PrivateKey key) {
		if (!(key instanceof ECPrivateKey ec) || ec.getS() == null) {
			return Optional.empty();
		}
		ECParameterSpec spec = ec.getParams();
		boolean p256 = spec != null && spec.getCurve().getField() instanceof ECFieldFp field
				&& field.getP().equals(DOMAIN.getCurve().getField().getCharacteristic()) && spec.getOrder().equals(DOMAIN.getN())
				&& spec.getCurve().getA().equals(DOMAIN.getCurve().getA().toBigInteger())
				&& spec.getCurve().getB().equals(DOMAIN.getCurve().getB().toBigInteger())
				&& spec.getGenerator().getAffineX().equals(DOMAIN.getG().getAffineXCoord().toBigInteger())
				&& spec.getGenerator().getAffineY().equals(DOMAIN.getG().getAffineYCoord().toBigInteger());
		BigInteger s = ec.getS();
		return p256 && s.signum() > 0 && s.compareTo(DOMAIN.getN()) < 0 ? Optional.of(new ECPrivateKeyParameters(s, DOMAIN))
				: Optional.empty();
	}

	/** A signer for one signature (DER-encoded, as X.509 and CMS carry it), its nonces from {@code random}. */
	static ContentSigner signer(ECPrivateKeyParameters key, SecureRandom random) {
		DSADigestSigner signer = new DSADigestSigner(new ECDSASigner(), new SHA256Digest());
		signer.init(true, new ParametersWithRandom(key, random));
		OutputStream stream = new OutputStream() {
			@Override
			public void write(int b) {
				signer.update((byte) b);
			}

			@Override
			public void write(byte[] b, int off, int len) {
				signer.update(b, off, len);
			}
		};
		return new ContentSigner() {
			@Override
			public AlgorithmIdentifier getAlgorithmIdentifier() {
				return ALGORITHM;
			}

			@Override
			public OutputStream getOutputStream() {
				return stream;
			}

			@Override
			public byte[] getSignature() {
				return signer.generateSignature();
			}
		};
	}
}
