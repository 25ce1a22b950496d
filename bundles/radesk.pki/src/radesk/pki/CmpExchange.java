package radesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Date;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cmp.CMPObjectIdentifiers;
import org.bouncycastle.asn1.cmp.InfoTypeAndValue;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.asn1.cmp.PKIMessage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.cmp.CMPException;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessage;
import org.bouncycastle.cert.cmp.ProtectedPKIMessageBuilder;
import org.bouncycastle.cert.crmf.CRMFException;
import org.bouncycastle.cert.crmf.PKMACBuilder;
import org.bouncycastle.cert.crmf.jcajce.JcePKMACValuesCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import radesk.pki.CmpClient.CmpException;
import radesk.pki.CmpClient.Protection;
import radesk.pki.CmpClient.Settings;

/**
 * One CMP transaction: its messages out over HTTP, protected as the settings say, and each answer
 * in, checked: the same transaction, the nonce just sent, and the CA's protection (the shared
 * secret's MAC, or the signature of the CA's pinned CMP certificate). Nothing unchecked gets out.
 */
final class CmpExchange {

	private static final int MAX_ANSWER = 1 << 20;
	private final Settings settings;
	private final SecureRandom random;
	private final byte[] transaction;
	private byte[] lastNonce;
	private byte[] lastServerNonce;
	/** Whether the CA's last answer granted implicit confirmation. */
	private boolean implicitlyConfirmed;

	CmpExchange(Settings settings, SecureRandom random) {
		this(settings, random, bytes(random, 16));
	}

	private CmpExchange(Settings settings, SecureRandom random, byte[] transaction) {
		this.settings = settings;
		this.random = random;
		this.transaction = transaction;
	}

	/** The transaction a request signed elsewhere began ({@link KeyUpdateRequest}): its id and nonce are the request's. */
	static CmpExchange of(Settings settings, SecureRandom random, KeyUpdateRequest request) {
		return new CmpExchange(settings, random, request.transactionId());
	}

	boolean implicitlyConfirmed() {
		return implicitlyConfirmed;
	}

	/** One message of the transaction out under the RA's protection, its checked answer's body back. */
	PKIBody send(PKIBody body) throws CmpException, IOException {
		lastNonce = bytes(random, 16);
		Protection p = settings.protection();
		GeneralName sender = p instanceof Protection.Signature s
				? new GeneralName(X500Name.getInstance(s.certificate().getSubjectX500Principal().getEncoded()))
				: PKIHeader.NULL_NAME;
		GeneralName recipient = settings.responder() == null ? PKIHeader.NULL_NAME
				: new GeneralName(X500Name.getInstance(settings.responder().getSubjectX500Principal().getEncoded()));
		ProtectedPKIMessageBuilder message = new ProtectedPKIMessageBuilder(sender, recipient).setTransactionID(transaction)
				.setSenderNonce(lastNonce).setMessageTime(new Date()).setBody(body);
		if (lastServerNonce != null) {
			message.setRecipNonce(lastServerNonce);
		}
		try {
			ProtectedPKIMessage built;
			if (p instanceof Protection.Signature s) {
				byte[] keyId = KeyUpdateRequest.subjectKeyId(s.certificate());
				if (keyId != null) {
					message.setSenderKID(keyId);
				}
				message.addCMPCertificate(new X509CertificateHolder(s.certificate().getEncoded()));
				built = message.build(s.signer());
			} else {
				Protection.SharedSecret m = (Protection.SharedSecret) p;
				message.setSenderKID(m.reference().getBytes(java.nio.charset.StandardCharsets.UTF_8));
				built = message.build(new PKMACBuilder(new JcePKMACValuesCalculator()).build(m.secret()));
			}
			return answer(built.toASN1Structure());
		} catch (CMPException | CRMFException | java.security.cert.CertificateEncodingException e) {
			throw new IOException("the CMP message could not be protected", e);
		}
	}

	/** The first message, signed elsewhere ({@link KeyUpdateRequest}), out as it is; its checked answer's body back. */
	PKIBody send(KeyUpdateRequest request, byte[] signature) throws CmpException, IOException {
		lastNonce = request.senderNonce();
		return answer(request.signed(signature));
	}

	private PKIBody answer(PKIMessage sent) throws CmpException, IOException {
		GeneralPKIMessage answer;
		try {
			answer = new GeneralPKIMessage(post(sent.getEncoded(ASN1Encoding.DER)));
		} catch (IllegalArgumentException | IllegalStateException | ClassCastException malformed) {
			throw new CmpException("the CA's answer is not a CMP message", 0);
		}
		PKIHeader header = answer.getHeader();
		if (header.getTransactionID() == null || !Arrays.equals(header.getTransactionID().getOctets(), transaction)
				|| header.getRecipNonce() == null || !Arrays.equals(header.getRecipNonce().getOctets(), lastNonce)) {
			throw new CmpException("the CA's answer belongs to another transaction or message (replayed?)", 0);
		}
		if (!answer.hasProtection()) {
			throw new CmpException("the CA's answer is not protected", 0);
		}
		ProtectedPKIMessage checked = new ProtectedPKIMessage(answer);
		if (!verified(checked)) {
			throw new CmpException("the CA's answer is not protected by the shared secret or the CA's CMP certificate", 0);
		}
		lastServerNonce = header.getSenderNonce() == null ? null : header.getSenderNonce().getOctets();
		implicitlyConfirmed = false;
		if (header.getGeneralInfo() != null) {
			for (InfoTypeAndValue info : header.getGeneralInfo()) {
				implicitlyConfirmed |= CMPObjectIdentifiers.it_implicitConfirm.equals(info.getInfoType());
			}
		}
		return checked.getBody();
	}

	private boolean verified(ProtectedPKIMessage answer) throws CmpException {
		try {
			if (answer.hasPasswordBasedMacProtection()) {
				return settings.protection() instanceof Protection.SharedSecret m
						&& answer.verify(new PKMACBuilder(new JcePKMACValuesCalculator()), m.secret());
			}
			return settings.responder() != null && answer.verify(new JcaContentVerifierProviderBuilder().build(settings.responder()));
		} catch (CMPException | OperatorCreationException e) {
			throw new CmpException("the CA's answer's protection cannot be checked: " + e.getMessage(), 0);
		}
	}

	private byte[] post(byte[] message) throws IOException {
		HttpURLConnection c = (HttpURLConnection) settings.server().toURL().openConnection();
		c.setRequestMethod("POST");
		c.setDoOutput(true);
		c.setConnectTimeout(10_000);
		c.setReadTimeout(60_000);
		c.setInstanceFollowRedirects(false);
		c.setRequestProperty("Content-Type", "application/pkixcmp");
		c.setRequestProperty("Connection", "close"); // one message a connection: a CA may serve one client at a time
		c.setFixedLengthStreamingMode(message.length);
		try (OutputStream out = c.getOutputStream()) {
			out.write(message);
		}
		try {
			if (c.getResponseCode() != 200) {
				throw new IOException("the CA answered HTTP " + c.getResponseCode() + " " + c.getResponseMessage());
			}
			try (InputStream in = c.getInputStream()) {
				byte[] answer = in.readNBytes(MAX_ANSWER + 1);
				if (answer.length > MAX_ANSWER) {
					throw new IOException("the CA's answer is larger than " + MAX_ANSWER + " bytes");
				}
				return answer;
			}
		} finally {
			c.disconnect();
		}
	}

	private static byte[] bytes(SecureRandom random, int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}
}
