package radesk.pki;

import java.time.Duration;

/**
 * What an installation says about its CA: its name, where relying parties fetch the CRL and the
 * CA certificate, the certificate policy, and how long certificates and CRLs are valid.
 */
public record CaProfile(String organization, String crlUrl, String caIssuersUrl, String policyOid,
		Duration subscriberValidity, Duration crlValidity) {

	/**
	 * The policy OID of a demo installation: in the 2.25 (UUID) arc, which needs no registration.
	 * A production CA puts its own registered OID here.
	 */
	public static final String DEMO_POLICY_OID = "2.25.185246643932664772024571823956634733717";

	/**
	 * The policy of staff certificates (RA staff's own cards, for signing in to the RA server): an
	 * arc of its own below the demo policy, so that no subscriber certificate can pass for one.
	 */
	public static final String DEMO_STAFF_POLICY_OID = DEMO_POLICY_OID + ".2";

	/** How long a staff card's certificate is valid: a year, then an administrator issues the next card. */
	public static final Duration STAFF_VALIDITY = Duration.ofDays(365);

	public static CaProfile demo() {
		return new CaProfile("RA Desk Demo CA", "http://127.0.0.1:8080/crl/issuing.crl",
				"http://127.0.0.1:8080/ca/issuing.cer", DEMO_POLICY_OID, Duration.ofDays(730), Duration.ofDays(7));
	}
}
