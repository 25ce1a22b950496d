package radesk.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.cmp.CertRepMessage;
import org.bouncycastle.asn1.cmp.CertResponse;
import org.bouncycastle.asn1.cmp.ErrorMsgContent;
import org.bouncycastle.asn1.cmp.PKIBody;
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
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.CertificateReqMessagesBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcaCertificateRequestMessageBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The RA as a CMP client (RFC 4210, the lightweight profile of RFC 9483) of an external CA, over
 * HTTP, each message protected as configured: the shared secret the CA gave the RA
 * (password-based MAC) or the RA's signing key and certificate. {@code ir} for a new certificate
 * (the proof of possession signed by the new key, or {@code raVerified} when the RA checked the
 * key holder's own PKCS#10 request), {@code kur} for a renewal signed with the old key on the card
 * ({@link KeyUpdateRequest}), both polled while the CA answers "waiting" and confirmed (or refused,
 * when the RA will not take the certificate) with {@code certConf}; {@code rr} to revoke. Every
 * answer's protection, transaction and nonce are checked; a refusal comes back as a
 * {@link CmpException} with the CA's words. Each call is a transaction of its own: an instance may
 * serve several threads.
 */
public final class CmpClient {

	/** How the RA's messages are protected: the CA's shared secret (with the RA's reference there), or the RA's own signature. */
	public sealed interface Protection {
		record SharedSecret(String reference, char[] secret) implements Protection {
		}

		record Signature(X509Certificate certificate, ContentSigner signer) implements Protection {
		}
	}

	/**
	 * Where the CA listens ({@code http://ca.example.tw/pkix/}), how the RA protects its messages, the
	 * CA's CMP certificate that signs its answers (pinned; may be null with a shared secret only, but
	 * a renewal, signed by the card, is answered with a signature), and how often to poll.
	 */
	public record Settings(URI server, Protection protection, X509Certificate responder, int maxPolls) {
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

	/** Whether the RA takes the certificate the CA made: null to take it, else why not (sent back as a rejecting certConf). */
	@FunctionalInterface
	public interface Acceptance {
		String refusal(X509Certificate certificate);
	}

	private static final BigInteger REQUEST_ID = BigInteger.ZERO; // the lightweight profile's one request
	private final Settings settings;
	private final SecureRandom random = new SecureRandom();

	public CmpClient(Settings settings) {
		this.settings = settings;
	}

	/** Asks the CA to certify {@code key} for {@code subject}, the RA vouching it checked the key holder's own request. */
	public X509Certificate enrollVouched(PublicKey key, javax.security.auth.x500.X500Principal subject, Acceptance acceptance)
			throws CmpException, IOException {
		return enroll(key, X500Name.getInstance(subject.getEncoded()), null, acceptance);
	}

	/**
	 * Asks the CA to certify {@code key} for {@code subject}: {@code pop} (the new key's signer)
	 * proves the RA holds it, or, null, the RA vouches it checked the key holder's own request.
	 */
	public X509Certificate enroll(PublicKey key, X500Name subject, ContentSigner pop, Acceptance acceptance)
			throws CmpException, IOException {
		JcaCertificateRequestMessageBuilder request = new JcaCertificateRequestMessageBuilder(REQUEST_ID);
		request.setPublicKey(key);
		request.setSubject(subject);
		if (pop == null) {
			request.setProofOfPossessionRaVerified();
		} else {
			request.setProofOfPossessionSigningKeySigner(pop);
		}
		CertificateReqMessagesBuilder requests = new CertificateReqMessagesBuilder();
		try {
			requests.addRequest(request.build());
		} catch (CRMFException e) {
			throw new IOException("the certificate request could not be built", e);
		}
		CmpExchange exchange = new CmpExchange(settings, random);
		PKIBody answer = exchange.send(new PKIBody(PKIBody.TYPE_INIT_REQ, requests.build().toASN1Structure()));
		return certificate(exchange, answer, PKIBody.TYPE_INIT_REP, key, acceptance);
	}

	/** Sends the key update {@code request} the old key signed ({@code signature}): the renewal's certificate. */
	public X509Certificate update(KeyUpdateRequest request, byte[] signature, PublicKey key, Acceptance acceptance)
			throws CmpException, IOException {
		CmpExchange exchange = CmpExchange.of(settings, random, request);
		return certificate(exchange, exchange.send(request, signature), PKIBody.TYPE_KEY_UPDATE_REP, key, acceptance);
	}

	/** The certificate of an ip/kup, after polling while the CA keeps it waiting; confirmed unless the CA confirmed it implicitly. */
	private X509Certificate certificate(CmpExchange exchange, PKIBody answer, int replyType, PublicKey key, Acceptance acceptance)
			throws CmpException, IOException {
		for (int polls = 0;; polls++) {
			if (answer.getType() == PKIBody.TYPE_POLL_REP) {
				sleep(PollRepContent.getInstance(answer.getContent()).getCheckAfter(0).intValueExact());
			} else if (answer.getType() != replyType) {
				throw refusal(answer);
			} else {
				CertResponse response = CertRepMessage.getInstance(answer.getContent()).getResponse()[0];
				if (response.getStatus().getStatus().intValue() != PKIStatus.WAITING) {
					if (!granted(response.getStatus())) {
						throw refused(response.getStatus());
					}
					return confirmed(exchange, response, key, acceptance);
				}
			}
			if (polls >= settings.maxPolls()) {
				throw new CmpException("the CA kept the request waiting past " + settings.maxPolls() + " polls", 0);
			}
			answer = exchange.send(new PKIBody(PKIBody.TYPE_POLL_REQ, new PollReqContent(REQUEST_ID)));
		}
	}

	/** Asks the CA to revoke {@code certificate} for {@code reason} (an RFC 5280 CRLReason code). */
	public void revoke(X509Certificate certificate, int reason) throws CmpException, IOException {
		RevDetails details = new RevDetails(new CertTemplateBuilder()
				.setIssuer(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))
				.setSerialNumber(new ASN1Integer(certificate.getSerialNumber())).build(),
				new Extensions(new Extension(Extension.reasonCode, false, CRLReason.lookup(reason).getEncoded())));
		PKIBody answer = new CmpExchange(settings, random).send(new PKIBody(PKIBody.TYPE_REVOCATION_REQ, new RevReqContent(details)));
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

	/**
	 * The certificate checked (the key asked for, and whatever the RA asks of it), then confirmed to
	 * the CA, which answers pkiconf; one the RA will not take is refused in the confirmation.
	 */
	private X509Certificate confirmed(CmpExchange exchange, CertResponse response, PublicKey key, Acceptance acceptance)
			throws CmpException, IOException {
		if (response.getCertifiedKeyPair() == null || response.getCertifiedKeyPair().getCertOrEncCert().getCertificate() == null) {
			throw new CmpException("the CA granted the request but sent no certificate", 0);
		}
		X509CertificateHolder holder = new X509CertificateHolder(
				response.getCertifiedKeyPair().getCertOrEncCert().getCertificate().getX509v3PKCert());
		X509Certificate certificate;
		try {
			certificate = new JcaX509CertificateConverter().getCertificate(holder);
		} catch (GeneralSecurityException e) {
			throw new IOException("the CA's certificate cannot be read", e);
		}
		String refusal = !Arrays.equals(certificate.getPublicKey().getEncoded(), key.getEncoded())
				? "the CA certified another key than the one asked for"
				: acceptance.refusal(certificate);
		if (exchange.implicitlyConfirmed()) {
			if (refusal != null) {
				throw new CmpException(refusal + " (the CA confirmed it on its own: have it revoked there)", 0);
			}
			return certificate;
		}
		CertificateConfirmationContent confirmation;
		try {
			DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
			confirmation = refusal == null
					? new CertificateConfirmationContentBuilder().addAcceptedCertificate(holder, REQUEST_ID).build(digests)
					: rejecting(holder, refusal, digests);
		} catch (CMPException | OperatorCreationException e) {
			throw new IOException("the confirmation could not be built", e);
		}
		PKIBody answer = exchange.send(new PKIBody(PKIBody.TYPE_CERT_CONFIRM, confirmation.toASN1Structure()));
		if (answer.getType() != PKIBody.TYPE_CONFIRM) {
			throw refusal(answer);
		}
		if (refusal != null) {
			throw new CmpException(refusal, 0);
		}
		return certificate;
	}

	/** A certConf that refuses the certificate, with why (BC's builder makes only accepting ones). */
	private static CertificateConfirmationContent rejecting(X509CertificateHolder holder, String why, DigestCalculatorProvider digests)
			throws OperatorCreationException, IOException {
		org.bouncycastle.operator.DigestCalculator digest = digests
				.get(new org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder().find(holder.getSignatureAlgorithm()));
		try (OutputStream out = digest.getOutputStream()) {
			out.write(holder.getEncoded());
		}
		org.bouncycastle.asn1.cmp.CertStatus status = new org.bouncycastle.asn1.cmp.CertStatus(digest.getDigest(), REQUEST_ID,
				new PKIStatusInfo(PKIStatus.rejection, new org.bouncycastle.asn1.cmp.PKIFreeText(why),
						new org.bouncycastle.asn1.cmp.PKIFailureInfo(org.bouncycastle.asn1.cmp.PKIFailureInfo.badCertTemplate)));
		return new CertificateConfirmationContent(
				org.bouncycastle.asn1.cmp.CertConfirmContent.getInstance(new org.bouncycastle.asn1.DERSequence(status)));
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

	private static void sleep(int seconds) throws IOException {
		try {
			Thread.sleep(Math.min(Math.max(seconds, 1), 300) * 1000L);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while the CA kept the request waiting");
		}
	}
}
