package radesk.pki;

import java.time.Duration;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * What an installation says about its CA: its name, where relying parties fetch the CRL and the
 * CA certificate, the certificate policy, and how long certificates and CRLs are valid.
 */
public record CaProfile(String organization, Supplier<String> publicBase, String policyOid, Duration subscriberValidity,
		Duration crlValidity) {

	/** The CRL Distribution Point written into certificates: the current CRL, served over plain HTTP. */
	public String crlUrl() {
		return base() + "/crl/issuing.crl";
	}

	/** AIA caIssuers: the issuing CA's certificate. */
	public String caIssuersUrl() {
		return base() + "/ca/issuing.cer";
	}

	/** AIA OCSP: the RA's responder. */
	public String ocspUrl() {
		return base() + "/ocsp";
	}

	/** The subject name of a subscriber's certificate: C=TW, O=the CA's organization, OU=the RA unit, CN, serialNumber (pseudonym). */
	org.bouncycastle.asn1.x500.X500Name subjectName(CertificateSubject s) {
		var n = new org.bouncycastle.asn1.x500.X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "TW").addRDN(BCStyle.O, organization);
		if (s.raUnit() != null && !s.raUnit().isBlank()) {
			n.addRDN(BCStyle.OU, s.raUnit());
		}
		return n.addRDN(BCStyle.CN, s.name()).addRDN(BCStyle.SERIALNUMBER, s.pseudonym()).build();
	}

	/** The same, as the JDK has it: what an external CA is asked to certify. */
	public javax.security.auth.x500.X500Principal subjectPrincipal(CertificateSubject s) {
		try {
			return new javax.security.auth.x500.X500Principal(subjectName(s).getEncoded());
		} catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private String base() {
		String base = publicBase.get();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

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

	/** The demo installation's profile, its public base URL read at each use (it is a setting). */
	public static CaProfile demo(Supplier<String> publicBase) {
		return new CaProfile("RA Desk Demo CA", publicBase, DEMO_POLICY_OID, Duration.ofDays(730), Duration.ofDays(7));
	}
}
