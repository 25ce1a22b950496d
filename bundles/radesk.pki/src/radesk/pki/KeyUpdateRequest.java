package radesk.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cmp.CMPCertificate;
import org.bouncycastle.asn1.cmp.CMPObjectIdentifiers;
import org.bouncycastle.asn1.cmp.InfoTypeAndValue;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.cmp.PKIHeaderBuilder;
import org.bouncycastle.asn1.cmp.PKIMessage;
import org.bouncycastle.asn1.cmp.ProtectedPart;
import org.bouncycastle.asn1.crmf.AttributeTypeAndValue;
import org.bouncycastle.asn1.crmf.CRMFObjectIdentifiers;
import org.bouncycastle.asn1.crmf.CertId;
import org.bouncycastle.asn1.crmf.CertReqMessages;
import org.bouncycastle.asn1.crmf.CertReqMsg;
import org.bouncycastle.asn1.crmf.CertRequest;
import org.bouncycastle.asn1.crmf.CertTemplateBuilder;
import org.bouncycastle.asn1.crmf.Controls;
import org.bouncycastle.asn1.crmf.ProofOfPossession;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;

/**
 * 憑證展期 to an external CA: the CMP key update request ({@code kur}, RFC 4210 5.3.5, RFC 9483
 * 4.1.3) for a new key in place of {@code old}, signed with the old certificate's key on the
 * subscriber's card. The subscriber edition and the RA build it alike, byte for byte, from what
 * both know: the old certificate, the new public key and the RA's single-use renewal challenge
 * (transaction and nonce are drawn from it; no message time, so nothing differs). The card signs
 * {@link #toBeSigned()}; the RA checks that signature whichever CA it uses, and with an external CA
 * sends the request as it was signed. The RA checked the new key's own proof (the PKCS#10 request
 * the card signed), so the proof of possession says {@code raVerified}; implicit confirmation is
 * asked, since only the card could sign a confirmation.
 */
public final class KeyUpdateRequest {

	private final X509Certificate old;
	private final PKIHeader header;
	private final PKIBody body;

	private KeyUpdateRequest(X509Certificate old, PKIHeader header, PKIBody body) {
		this.old = old;
		this.header = header;
		this.body = body;
	}

	/** The request to replace {@code old} by a certificate for {@code newKey}, for the RA's {@code challenge}. */
	public static KeyUpdateRequest of(X509Certificate old, PublicKey newKey, byte[] challenge) {
		if (challenge == null || challenge.length < 16) {
			throw new IllegalArgumentException("the RA's renewal challenge is missing");
		}
		X500Name subject = X500Name.getInstance(old.getSubjectX500Principal().getEncoded());
		X500Name issuer = X500Name.getInstance(old.getIssuerX500Principal().getEncoded());
		PKIHeaderBuilder h = new PKIHeaderBuilder(PKIHeader.CMP_2000, new GeneralName(subject), new GeneralName(issuer));
		h.setProtectionAlg(algorithm(old.getPublicKey()));
		byte[] keyId = subjectKeyId(old);
		if (keyId != null) {
			h.setSenderKID(keyId);
		}
		h.setTransactionID(drawn(challenge, "transaction"));
		h.setSenderNonce(drawn(challenge, "nonce"));
		h.setGeneralInfo(new InfoTypeAndValue(CMPObjectIdentifiers.it_implicitConfirm, DERNull.INSTANCE));
		CertTemplateBuilder template = new CertTemplateBuilder().setSubject(subject)
				.setPublicKey(SubjectPublicKeyInfo.getInstance(newKey.getEncoded()));
		Controls controls = new Controls(new AttributeTypeAndValue(CRMFObjectIdentifiers.id_regCtrl_oldCertID,
				new CertId(new GeneralName(issuer), new ASN1Integer(old.getSerialNumber()))));
		CertRequest request = new CertRequest(new ASN1Integer(BigInteger.ZERO), template.build(), controls);
		CertReqMsg message = new CertReqMsg(request, new ProofOfPossession(), null);
		return new KeyUpdateRequest(old, h.build(), new PKIBody(PKIBody.TYPE_KEY_UPDATE_REQ, new CertReqMessages(message)));
	}

	/** The JCA name of the signature the old key makes (SHA256withECDSA or SHA256withRSA). */
	public String signatureAlgorithm() {
		return "RSA".equals(old.getPublicKey().getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
	}

	/** What the old key signs: the DER of the message's header and body (RFC 4210 5.1.3). */
	public byte[] toBeSigned() {
		try {
			return new ProtectedPart(header, body).getEncoded(ASN1Encoding.DER);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether {@code signature} is the old certificate's key's over {@link #toBeSigned()}. */
	public boolean signedBy(byte[] signature) {
		if (signature == null || signature.length == 0 || signature.length > 1024) {
			return false;
		}
		try {
			Signature s = Signature.getInstance(signatureAlgorithm());
			s.initVerify(old.getPublicKey());
			s.update(toBeSigned());
			return s.verify(signature);
		} catch (GeneralSecurityException e) {
			return false;
		}
	}

	/** The certificate this request replaces. */
	public X509Certificate old() {
		return old;
	}

	byte[] transactionId() {
		return header.getTransactionID().getOctets();
	}

	byte[] senderNonce() {
		return header.getSenderNonce().getOctets();
	}

	/** The message as sent: protected by {@code signature}, with the old certificate for the CA to check it by. */
	PKIMessage signed(byte[] signature) {
		try {
			return new PKIMessage(header, body, new DERBitString(signature),
					new CMPCertificate[] { CMPCertificate.getInstance(old.getEncoded()) });
		} catch (CertificateEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static AlgorithmIdentifier algorithm(PublicKey key) {
		return "RSA".equals(key.getAlgorithm())
				? new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE)
				: new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
	}

	static byte[] subjectKeyId(X509Certificate certificate) {
		byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
		return extension == null ? null
				: SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets()).getKeyIdentifier();
	}

	/** 16 bytes of SHA-256 over a label and the challenge: the same on both sides, never twice for two challenges. */
	private static DEROctetString drawn(byte[] challenge, String label) {
		try {
			MessageDigest d = MessageDigest.getInstance("SHA-256");
			d.update(("radesk kur " + label + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return new DEROctetString(Arrays.copyOf(d.digest(challenge), 16));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
