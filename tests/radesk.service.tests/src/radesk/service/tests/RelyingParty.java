package radesk.service.tests;

import java.nio.file.Path;

import radesk.server.RaServerEndpoint;
import radesk.testing.SoftHsm;

/** A relying party from outside, with openssl: asks OCSP, checks a certificate against the CRL it downloads from the CDP. */
final class RelyingParty {

	private RelyingParty() {
	}

	/** The RA server's plain-HTTP publication listener in this runtime. */
	static String base() throws Exception {
		return "http://127.0.0.1:" + Services.await(RaServerEndpoint.class).publishPort();
	}

	/** What {@code openssl ocsp} says of {@code leaf} at {@code url} (with a nonce, the answer verified under {@code chain}). */
	static String ocsp(Path issuingPem, Path chain, Path leaf, String url) throws Exception {
		return SoftHsm.runAllowingFailure("openssl", "ocsp", "-issuer", issuingPem.toString(), "-cert", leaf.toString(), "-url", url,
				"-CAfile", chain.toString());
	}

	/** What {@code openssl verify -crl_check -crl_download} says of {@code leaf}: the CRL fetched from its CDP. */
	static String crlCheck(Path chain, Path leaf) throws Exception {
		return SoftHsm.runAllowingFailure("openssl", "verify", "-crl_check", "-crl_download", "-CAfile", chain.toString(), leaf.toString());
	}
}
