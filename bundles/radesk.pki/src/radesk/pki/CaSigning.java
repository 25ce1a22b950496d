package radesk.pki;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

import radesk.core.ca.CaToken;

/**
 * A CA key that signs (SHA256withECDSA, DER): on the CA's token, or — for tests, benchmarks and
 * data folders made before the token — a key in memory.
 */
@FunctionalInterface
interface CaSigning {

	String ALGORITHM = "SHA256withECDSA";

	byte[] sign(byte[] data) throws GeneralSecurityException;

	static CaSigning on(CaToken token, CaToken.Key key) {
		return data -> token.sign(key, data);
	}

	/** A key in memory: signed by the native provider where it loads and takes the key, else by the JDK's. */
	static CaSigning in(PrivateKey key, SecureRandom random) {
		PrivateKey nativeKey = NativeCrypto.translated(key);
		java.security.Provider provider = nativeKey == null ? null : NativeCrypto.provider().orElseThrow();
		PrivateKey signing = nativeKey == null ? key : nativeKey;
		return data -> {
			Signature s = provider == null ? Signature.getInstance(ALGORITHM) : Signature.getInstance(ALGORITHM, provider);
			s.initSign(signing, random);
			s.update(data);
			return s.sign();
		};
	}

	/** Bouncy Castle's builders sign through this: the bytes gathered, then handed to the key at once. */
	default ContentSigner contentSigner() {
		AlgorithmIdentifier algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(ALGORITHM);
		return new ContentSigner() {
			private final ByteArrayOutputStream tbs = new ByteArrayOutputStream(1024);

			@Override
			public AlgorithmIdentifier getAlgorithmIdentifier() {
				return algorithm;
			}

			@Override
			public OutputStream getOutputStream() {
				tbs.reset();
				return tbs;
			}

			@Override
			public byte[] getSignature() {
				try {
					return sign(tbs.toByteArray());
				} catch (GeneralSecurityException e) {
					throw new IllegalStateException("the CA's key did not sign: " + e.getMessage(), e);
				}
			}
		};
	}
}
