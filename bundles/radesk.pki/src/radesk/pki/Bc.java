package radesk.pki;

import java.security.Provider;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The one Bouncy Castle provider instance of this bundle; never registered globally. */
final class Bc {

	static final Provider PROVIDER = new BouncyCastleProvider();

	private Bc() {
	}
}
