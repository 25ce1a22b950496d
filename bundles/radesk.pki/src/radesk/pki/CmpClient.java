package radesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.cmp.CertRepMessage;
import org.bouncycastle.asn1.cmp.CertResponse;
import org.bouncycastle.asn1.cmp.ErrorMsgContent;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;
import org.bouncycastle.asn1.cmp.PollRepContent;
import org.bouncycastle.asn1.cmp.PollReqContent;
import org.bouncycastle.asn1.cmp.RevDetails;
import org.bouncycastle.asn1.cmp.RevRepContent;
import org.bouncycastle.asn1.cmp.RevReqContent;
import org.bouncycastle.asn1.crmf.CertTemplateBuilder;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.cmp.CMPException;
import org.bouncycastle.cert.cmp.CertificateConfirmationContent;
import org.bouncycastle.cert.cmp.CertificateConfirmationContentBuilder;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.CertificateReqMessagesBuilder;
import org.bouncycastle.cert.crmf.PKMACBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcaCertificateRequestMessageBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcePKMACValuesCalculator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The RA as a CMP client (RFC 4210, the lightweight profile of RFC 9483) of an external CA, over
 * HTTP, every message protected with the shared secret the CA gave the RA (password-based MAC):
 * {@code ir} for a new certificate (proof of possession signed by the new key, on the card),
 * polled while the CA answers "waiting", confirmed with {@code certConf}; {@code rr} to revoke.
 * Every answer's protection, transaction and nonce are checked; a refusal comes back as a
 * {@link CmpException} with the CA's words. Not thread-safe: one transaction at a time per instance.
 */
public final class CmpClient {

	/** Where the CA listens ({@code http://ca.example.tw/pkix/}), the RA's reference there and the shared secret. */
	public record Settings(URI server, String reference, char[] secret, int maxPolls) {
	}

	/** What the CA refused or could not do, in its own words; {@code failInfo} its PKIFailureInfo bits, or 0. */
	public static final class CmpException extends Exception {
		private static final long serialVersionUID = 1L;
		private final int failInfo;

		CmpException(String message, int failInfo) {
			super(message);
			this.failInfo = failInfo;
		}

		public int failInfo() {
			return failInfo;
		}
	}

	private static final BigInteger REQUEST_ID = BigInteger.ZERO; // the lightweight profile's one request
	private final Settings settings;
	private final SecureRandom random = new SecureRandom();
	private byte[] transaction;
	private byte[] lastNonce;
	private byte[] lastServerNonce;

	public CmpClient(Settings settings) {
		this.settings = settings;
	}

	/** Asks the CA to certify {@code key} for {@code subject}: {@code pop} (the new key's signer) proves the RA holds it. */
	public X509Certificate enroll(PublicKey key, X500Name subject, ContentSigner pop) throws CmpException, IOException {
		transaction = bytes(16);
		lastServerNonce = null;
		JcaCertificateRequestMessageBuilder request = new JcaCertificateRequestMessageBuilder(REQUEST_ID);
		request.setPublicKey(key);
		request.setSubject(subject);
		request.setProofOfPossessionSigningKeySigner(pop);
		CertificateReqMessagesBuilder requests = new CertificateReqMessagesBuilder();
		try {
			requests.addRequest(request.build());
		} catch (CRMFException e) {
			throw new IOException("the certificate request could not be built", e);
		}
		PKIBody answer = exchange(new PKIBody(PKIBody.TYPE_INIT_REQ, requests.build().toASN1Structure()));
		for (int polls = 0;; polls++) {
			if (answer.getType() == PKIBody.TYPE_POLL_REP) {
				sleep(PollRepContent.getInstance(answer.getContent()).getCheckAfter(0).intValueExact());
			} else if (answer.getType() != PKIBody.TYPE_INIT_REP) {
				throw refusal(answer);
			} else {
				CertResponse response = CertRepMessage.getInstance(answer.getContent()).getResponse()[0];
				if (response.getStatus().getStatus().intValue() != PKIStatus.WAITING) {
					if (!granted(response.getStatus())) {
						throw refused(response.getStatus());
					}
					return confirmed(response, key);
				}
			}
			if (polls >= settings.maxPolls()) {
				throw new CmpException("the CA kept the request waiting past " + settings.maxPolls() + " polls", 0);
			}
			answer = exchange(new PKIBody(PKIBody.TYPE_POLL_REQ, new PollReqContent(REQUEST_ID)));
		}
	}

	/** Asks the CA to revoke {@code certificate} for {@code reason} (an RFC 5280 CRLReason code). */
	public void revoke(X509Certificate certificate, int reason) throws CmpException, IOException {
		transaction = bytes(16);
		lastServerNonce = null;
		RevDetails details = new RevDetails(new CertTemplateBuilder()
				.setIssuer(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))
				.setSerialNumber(new ASN1Integer(certificate.getSerialNumber())).build(),
				new Extensions(new Extension(Extension.reasonCode, false, CRLReason.lookup(reason).getEncoded())));
		PKIBody answer = exchange(new PKIBody(PKIBody.TYPE_REVOCATION_REQ, new RevReqContent(details)));
		if (answer.getType() != PKIBody.TYPE_REVOCATION_REP) {
			throw refusal(answer);
		}
		PKIStatusInfo status = RevRepContent.getInstance(answer.getContent()).getStatus()[0];
		if (!granted(status)) {
			throw refused(status);
		}
	}

	private static boolean granted(PKIStatusInfo status) {
		int value = status.getStatus().intValue();
		return value == PKIStatus.GRANTED || value == PKIStatus.GRANTED_WITH_MODS;
	}

	/** The certificate checked (the key asked for), then confirmed to the CA, which answers pkiconf. */
	private X509Certificate confirmed(CertResponse response, PublicKey key) throws CmpException, IOException {
		X509CertificateHolder holder = new X509CertificateHolder(
				response.getCertifiedKeyPair().getCertOrEncCert().getCertificate().getX509v3PKCert());
		X509Certificate certificate;
		try {
			certificate = new JcaX509CertificateConverter().getCertificate(holder);
		} catch (GeneralSecurityException e) {
			throw new IOException("the CA's certificate cannot be read", e);
		}
		if (!Arrays.equals(certificate.getPublicKey().getEncoded(), key.getEncoded())) {
			throw new CmpException("the CA certified another key than the one asked for", 0);
		}
		CertificateConfirmationContent confirmation;
		try {
			confirmation = new CertificateConfirmationContentBuilder().addAcceptedCertificate(holder, REQUEST_ID)
					.build(new JcaDigestCalculatorProviderBuilder().build());
		} catch (CMPException | OperatorCreationException e) {
			throw new IOException("the confirmation could not be built", e);
		}
		PKIBody answer = exchange(new PKIBody(PKIBody.TYPE_CERT_CONFIRM, confirmation.toASN1Structure()));
		if (answer.getType() != PKIBody.TYPE_CONFIRM) {
			throw refusal(answer);
		}
		return certificate;
	}

	/** One message of the transaction out, its answer in: protected with the secret, transaction and nonces checked. */
	private PKIBody exchange(PKIBody body) throws CmpException, IOException {
		lastNonce = bytes(16);
		// MAC protection: the shared secret is who the RA is, the names stay empty; implicitConfirm is not
		// asked for, so every certificate is confirmed and a lost answer cannot leave one unconfirmed
		ProtectedPKIMessageBuilder message = new ProtectedPKIMessageBuilder(PKIHeader.NULL_NAME, PKIHeader.NULL_NAME)
				.setTransactionID(transaction).setSenderNonce(lastNonce).setMessageTime(new Date())
				.setSenderKID(settings.reference().getBytes(java.nio.charset.StandardCharsets.UTF_8)).setBody(body);
		if (lastServerNonce != null) {
			message.setRecipNonce(lastServerNonce);
		}
		byte[] sent;
		try {
			sent = message.build(new PKMACBuilder(new JcePKMACValuesCalculator()).build(settings.secret())).toASN1Structure().getEncoded();
		} catch (CMPException | CRMFException e) {
			throw new IOException("the CMP message could not be protected", e);
		}
		GeneralPKIMessage answer = new GeneralPKIMessage(post(sent));
		PKIHeader header = answer.getHeader();
		if (header.getTransactionID() == null || !Arrays.equals(header.getTransactionID().getOctets(), transaction)
				|| header.getRecipNonce() == null || !Arrays.equals(header.getRecipNonce().getOctets(), lastNonce)) {
			throw new CmpException("the CA's answer belongs to another transaction or message (replayed?)", 0);
		}
		if (!answer.hasProtection()) {
			throw new CmpException("the CA's answer is not protected", 0);
		}
		ProtectedPKIMessage checked = new ProtectedPKIMessage(answer);
		try {
			if (!checked.hasPasswordBasedMacProtection()
					|| !checked.verify(new PKMACBuilder(new JcePKMACValuesCalculator()), settings.secret())) {
				throw new CmpException("the CA's answer does not carry the shared secret's MAC", 0);
			}
		} catch (CMPException e) {
			throw new CmpException("the CA's answer's protection cannot be checked: " + e.getMessage(), 0);
		}
		lastServerNonce = header.getSenderNonce() == null ? null : header.getSenderNonce().getOctets();
		return checked.getBody();
	}

	private byte[] post(byte[] message) throws IOException {
		HttpURLConnection c = (HttpURLConnection) settings.server().toURL().openConnection();
		c.setRequestMethod("POST");
		c.setDoOutput(true);
		c.setConnectTimeout(10_000);
		c.setReadTimeout(60_000);
		c.setRequestProperty("Content-Type", "application/pkixcmp");
		c.setRequestProperty("Connection", "close"); // one message a connection: a CA may serve one client at a time
		c.setFixedLengthStreamingMode(message.length);
		try (OutputStream out = c.getOutputStream()) {
			out.write(message);
		}
		if (c.getResponseCode() != 200) {
			throw new IOException("the CA answered HTTP " + c.getResponseCode() + " " + c.getResponseMessage());
		}
		try (InputStream in = c.getInputStream()) {
			return in.readNBytes(1 << 20);
		} finally {
			c.disconnect();
		}
	}

	private static CmpException refusal(PKIBody body) {
		if (body.getType() == PKIBody.TYPE_ERROR) {
			return refused(ErrorMsgContent.getInstance(body.getContent()).getPKIStatusInfo());
		}
		return new CmpException("the CA answered with an unexpected message (type " + body.getType() + ")", 0);
	}

	private static CmpException refused(PKIStatusInfo status) {
		StringBuilder words = new StringBuilder("the CA refused (status " + status.getStatus() + ")");
		if (status.getStatusString() != null) {
			for (int i = 0; i < status.getStatusString().size(); i++) {
				words.append(": ").append(status.getStatusString().getStringAtUTF8(i).getString());
			}
		}
		return new CmpException(words.toString(), status.getFailInfo() == null ? 0 : status.getFailInfo().intValue());
	}

	private byte[] bytes(int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}

	private static void sleep(int seconds) throws IOException {
		try {
			Thread.sleep(Math.min(Math.max(seconds, 1), 300) * 1000L);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while the CA kept the request waiting");
		}
	}
}
