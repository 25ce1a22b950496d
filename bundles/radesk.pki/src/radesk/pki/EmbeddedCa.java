package radesk.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

import radesk.core.ca.CaToken;

/**
 * The CA built into RA Desk: issues subscriber certificates for smart-card signing and
 * authentication from checked requests, and signs CRLs. Subjects come from the RA's records;
 * the request contributes its public key only.
 */
public final class EmbeddedCa {

	private final CaKeys keys;
	private final CaProfile profile;
	private final SerialNumbers serials;
	/** The issuing and the TLS CA's identifiers, in every certificate each signs. */
	private final org.bouncycastle.asn1.x509.AuthorityKeyIdentifier issuingAki, tlsAki;

	private EmbeddedCa(CaKeys keys, CaProfile profile, SecureRandom random) throws GeneralSecurityException {
		this.keys = keys;
		this.profile = profile;
		this.serials = new SerialNumbers(random);
		NativeCrypto.provider(); // the crypto engine chosen as the CA starts: named in the log and the About dialog
		this.issuingAki = KeyIdentifiers.authority(keys.issuing().getPublicKey());
		this.tlsAki = KeyIdentifiers.authority(keys.tls().getPublicKey());
	}

	/** The CA in {@code folder}, its keys in a PKCS#12 file there made on first use: for tests and benchmarks only. */
	public static EmbeddedCa open(Path folder, CaProfile profile) throws GeneralSecurityException, IOException {
		SecureRandom random = new SecureRandom();
		return new EmbeddedCa(CaKeys.software(folder, profile.organization(), random), profile, random);
	}

	/**
	 * The RA's CA in {@code folder}, its keys on {@code token}; the first start holds the key ceremony
	 * ({@link CaCeremony}): the root's key to {@code rootBackup} (outside the data folder), encrypted,
	 * its passphrase on {@code sheet}, once.
	 */
	public static EmbeddedCa open(Path folder, CaProfile profile, CaToken token, Path rootBackup, PrintStream sheet)
			throws GeneralSecurityException, IOException {
		SecureRandom random = new SecureRandom();
		return new EmbeddedCa(CaKeys.onToken(folder, profile.organization(), token, random, rootBackup, sheet), profile, random);
	}

	public X509Certificate root() {
		return keys.root();
	}

	public X509Certificate issuing() {
		return keys.issuing();
	}

	/** The CA of the RA server's own TLS certificate (not of subscribers'). */
	public X509Certificate tlsCa() {
		return keys.tls();
	}

	/** Issues a subscriber certificate valid from {@code now}, never beyond the issuing CA's own end. */
	public X509Certificate issue(CheckedCsr request, CertificateSubject subject, Instant now) throws GeneralSecurityException {
		X509v3CertificateBuilder b = endEntity(profile.subjectName(subject), request.publicKey(), now, profile.subscriberValidity());
		try {
			b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			boolean email = subject.email() != null && !subject.email().isBlank();
			// S/MIME only for a verified address: the caller passes none until the subscriber confirmed it (M10)
			b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(email
					? new KeyPurposeId[] { KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection }
					: new KeyPurposeId[] { KeyPurposeId.id_kp_clientAuth }));
			if (email) {
				b.addExtension(Extension.subjectAlternativeName, false,
						new GeneralNames(new GeneralName(GeneralName.rfc822Name, subject.email())));
			}
			published(b, true);
			b.addExtension(Extension.certificatePolicies, false,
					new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(profile.policyOid()))));
		} catch (CertIOException e) {
			throw new GeneralSecurityException(e);
		}
		return signed(b);
	}

	/**
	 * Issues a staff certificate for the authentication key of an RA staff member's own card: a
	 * profile of its own (clientAuth only, the staff policy {@link CaProfile#DEMO_STAFF_POLICY_OID},
	 * OU "RA staff", the account as UID), valid a year, never beyond the issuing CA. It lets the
	 * person sign in to the RA server with the card, nothing else: no nonRepudiation, no S/MIME.
	 */
	public X509Certificate issueStaff(java.security.PublicKey key, String account, String displayName, Instant now)
			throws GeneralSecurityException {
		X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "TW").addRDN(BCStyle.O, profile.organization())
				.addRDN(BCStyle.OU, "RA staff").addRDN(BCStyle.CN, displayName).addRDN(BCStyle.UID, account).build();
		X509v3CertificateBuilder b = endEntity(name, key, now, CaProfile.STAFF_VALIDITY);
		try {
			b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
			published(b, true);
			b.addExtension(Extension.certificatePolicies, false,
					new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(CaProfile.DEMO_STAFF_POLICY_OID))));
		} catch (CertIOException e) {
			throw new GeneralSecurityException(e);
		}
		return signed(b);
	}

	/**
	 * Issues the RA's notice-signing certificate: S/MIME for the notices' sender address only
	 * (keyUsage digitalSignature, EKU emailProtection, the address as rfc822Name), OU "RA notices",
	 * one year, never beyond the issuing CA. Mail programs that trust the RA's root show a notice
	 * signed with it as genuine.
	 */
	public X509Certificate issueNoticeSigner(java.security.PublicKey key, String senderAddress, Instant now)
			throws GeneralSecurityException {
		X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "TW").addRDN(BCStyle.O, profile.organization())
				.addRDN(BCStyle.OU, "RA notices").addRDN(BCStyle.CN, profile.organization() + " notices").build();
		X509v3CertificateBuilder b = endEntity(name, key, now, java.time.Duration.ofDays(365));
		try {
			b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
			b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_emailProtection));
			b.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(new GeneralName(GeneralName.rfc822Name, senderAddress)));
			published(b, false);
		} catch (CertIOException e) {
			throw new GeneralSecurityException(e);
		}
		return signed(b);
	}

	/**
	 * Issues the RA server's TLS certificate: serverAuth only, the host names and addresses it
	 * answers on as subjectAltName, valid one year (never beyond the issuing CA).
	 */
	public X509Certificate issueTlsServer(java.security.PublicKey key, java.util.List<String> dnsNames,
			java.util.List<String> ipAddresses, Instant now) throws GeneralSecurityException {
		if (dnsNames.isEmpty() && ipAddresses.isEmpty()) {
			throw new GeneralSecurityException("a server certificate names at least one host or address");
		}
		Instant from = now.truncatedTo(ChronoUnit.SECONDS);
		Instant until = from.plus(java.time.Duration.ofDays(365));
		Instant caEnd = keys.tls().getNotAfter().toInstant();
		if (until.isAfter(caEnd)) {
			until = caEnd;
		}
		String cn = dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
		X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "TW").addRDN(BCStyle.O, profile.organization())
				.addRDN(BCStyle.OU, "RA server").addRDN(BCStyle.CN, cn).build();
		java.util.List<GeneralName> alt = new java.util.ArrayList<>();
		dnsNames.forEach(d -> alt.add(new GeneralName(GeneralName.dNSName, d)));
		ipAddresses.forEach(a -> alt.add(new GeneralName(GeneralName.iPAddress, a)));
		try {
			X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(keys.tls(), serials.next(), Date.from(from),
					Date.from(until), name, key);
			b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
			b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
			b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt.toArray(GeneralName[]::new)));
			b.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subject(key));
			b.addExtension(Extension.authorityKeyIdentifier, false, tlsAki);
			return new JcaX509CertificateConverter().getCertificate(b.build(keys.tlsKey().contentSigner()));
		} catch (CertIOException | IllegalStateException e) {
			throw new GeneralSecurityException(e);
		}
	}

	/** A CRL of the issuing CA: every entry with its reason, numbered, valid until the next update. */
	public X509CRL crl(Collection<RevokedEntry> revoked, BigInteger crlNumber, Instant thisUpdate)
			throws GeneralSecurityException {
		return (X509CRL) java.security.cert.CertificateFactory.getInstance("X.509")
				.generateCRL(new java.io.ByteArrayInputStream(crlEncoded(revoked, crlNumber, thisUpdate)));
	}

	/**
	 * The same CRL as DER, for publishing: a CRL of a million entries is written out as it is,
	 * without parsing it back into an object first.
	 */
	public byte[] crlEncoded(Collection<RevokedEntry> revoked, BigInteger crlNumber, Instant thisUpdate)
			throws GeneralSecurityException {
		Instant at = thisUpdate.truncatedTo(ChronoUnit.SECONDS);
		Extensions crlExtensions = new Extensions(new Extension[] {
				new Extension(Extension.cRLNumber, false, encoded(new CRLNumber(crlNumber))),
				new Extension(Extension.authorityKeyIdentifier, false,
						encoded(issuingAki)) });
		return CrlEncoder.encode(keys.issuing().getSubjectX500Principal().getEncoded(), at, at.plus(profile.crlValidity()),
				revoked, crlExtensions, keys.issuingKey());
	}

	private static byte[] encoded(org.bouncycastle.asn1.ASN1Object o) throws GeneralSecurityException {
		try {
			return o.getEncoded();
		} catch (java.io.IOException e) {
			throw new GeneralSecurityException(e);
		}
	}

	/**
	 * Where relying parties find out about a certificate, at the public base URL of the moment: the
	 * CRL (CDP) and, with {@code aia}, the issuing CA's certificate and the OCSP responder (AIA).
	 */
	private void published(X509v3CertificateBuilder b, boolean aia) throws CertIOException {
		b.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
				new DistributionPoint(new DistributionPointName(new GeneralNames(uri(profile.crlUrl()))), null, null) }));
		if (aia) {
			b.addExtension(Extension.authorityInfoAccess, false,
					new AuthorityInformationAccess(new AccessDescription[] {
							new AccessDescription(AccessDescription.id_ad_caIssuers, uri(profile.caIssuersUrl())),
							new AccessDescription(AccessDescription.id_ad_ocsp, uri(profile.ocspUrl())) }));
		}
	}

	/**
	 * An end-entity certificate under the issuing CA, valid from {@code now} for {@code validity}
	 * (never beyond the issuing CA's own end): its serial, basicConstraints (not a CA), subject and
	 * authority key identifiers; the caller adds the rest and {@link #signed signs} it.
	 */
	X509v3CertificateBuilder endEntity(X500Name name, java.security.PublicKey key, Instant now, java.time.Duration validity)
			throws GeneralSecurityException {
		Instant from = now.truncatedTo(ChronoUnit.SECONDS);
		Instant until = from.plus(validity);
		Instant caEnd = keys.issuing().getNotAfter().toInstant();
		if (until.isAfter(caEnd)) {
			until = caEnd;
		}
		try {
			X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(keys.issuing(), serials.next(), Date.from(from),
					Date.from(until), name, key);
			b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			b.addExtension(Extension.subjectKeyIdentifier, false, KeyIdentifiers.subject(key));
			b.addExtension(Extension.authorityKeyIdentifier, false, issuingAki);
			return b;
		} catch (CertIOException e) {
			throw new GeneralSecurityException(e);
		}
	}

	/**
	 * Signs what {@link #endEntity} began, with the issuing CA's key: any number of threads at once,
	 * each with a signer of its own (the token signs in parallel sessions).
	 */
	X509Certificate signed(X509v3CertificateBuilder b) throws GeneralSecurityException {
		try {
			return new JcaX509CertificateConverter().getCertificate(b.build(keys.issuingKey().contentSigner()));
		} catch (IllegalStateException e) {
			throw new GeneralSecurityException(e.getMessage(), e);
		}
	}

	public CaProfile profile() {
		return profile;
	}

	private static GeneralName uri(String url) {
		return new GeneralName(GeneralName.uniformResourceIdentifier, url);
	}
}
