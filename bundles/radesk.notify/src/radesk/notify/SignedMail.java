package radesk.notify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.ContentType;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.apache.commons.mail.EmailException;

/**
 * A notice as a mail, S/MIME-signed (RFC 8551 multipart/signed): the body (plain text with an HTML
 * alternative, UTF-8) is made as bytes, those exact bytes are signed and sent; Apache Commons Email
 * makes the envelope around it (sender and recipient, the subject encoded, the date). Its
 * Message-ID is the one the outbox fixed when the notice was queued, so a copy sent again is
 * recognisably the same message.
 */
public final class SignedMail {

	private SignedMail() {
	}

	public static MimeMessage compose(Session session, Letter letter, String from, String fromName, String to, String messageId,
			MessageSigner signer) throws MessagingException, GeneralSecurityException {
		try {
			return MailLoader.with(() -> composeHere(session, letter, from, fromName, to, messageId, signer));
		} catch (MessagingException | GeneralSecurityException | RuntimeException e) {
			throw e;
		} catch (Exception e) {
			throw new MessagingException(e.getMessage(), e);
		}
	}

	private static MimeMessage composeHere(Session session, Letter letter, String from, String fromName, String to, String messageId,
			MessageSigner signer) throws Exception {
		byte[] signedBytes = alternative(letter);
		MimeBodyPart signature = new MimeBodyPart();
		signature.setDataHandler(new DataHandler(new ByteArrayDataSource(signer.sign(signedBytes, from), "application/pkcs7-signature; name=smime.p7s")));
		signature.setHeader("Content-Type", "application/pkcs7-signature; name=smime.p7s");
		signature.setHeader("Content-Transfer-Encoding", "base64");
		signature.setDisposition("attachment; filename=smime.p7s");
		signature.setDescription("S/MIME cryptographic signature");
		Signed signed = new Signed(signer.micalg());
		signed.addBodyPart(new Frozen(signedBytes));
		signed.addBodyPart(signature);
		Envelope email = new Envelope(messageId);
		try {
			email.setMailSession(session);
			email.setCharset("UTF-8");
			email.setFrom(from, fromName);
			email.addTo(to);
			email.setSubject(letter.subject());
			email.setContent(signed);
			email.buildMimeMessage();
		} catch (EmailException e) {
			throw new MessagingException("the notice could not be composed: " + e.getMessage(), e);
		}
		MimeMessage message = email.getMimeMessage();
		message.saveChanges();
		return message;
	}

	private static final java.util.Base64.Encoder BASE64 = java.util.Base64.getMimeEncoder(76, new byte[] { '\r', '\n' });

	/**
	 * The signed body, as the bytes that are signed and sent: multipart/alternative, the plain text
	 * and the HTML in UTF-8, each base64 (7-bit, so no relay re-encodes what the signature covers),
	 * line breaks CRLF as MIME's canonical form wants. Made directly: building it as a JavaMail tree
	 * and writing that out cost more than half of every notice.
	 */
	static byte[] alternative(Letter letter) {
		String boundary = "=_radesk_" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
		StringBuilder out = new StringBuilder(4 * (letter.text().length() + letter.html().length()) + 512);
		out.append("Content-Type: multipart/alternative;\r\n\tboundary=\"").append(boundary).append("\"\r\n\r\n");
		part(out, boundary, "text/plain", letter.text());
		part(out, boundary, "text/html", letter.html());
		out.append("--").append(boundary).append("--\r\n");
		return out.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	private static void part(StringBuilder out, String boundary, String type, String text) {
		String canonical = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
		out.append("--").append(boundary).append("\r\nContent-Type: ").append(type).append("; charset=UTF-8\r\n")
				.append("Content-Transfer-Encoding: base64\r\n\r\n")
				.append(BASE64.encodeToString(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8))).append("\r\n");
	}

	/** Commons Email's envelope (sender, recipient, subject, date) around the signed body, with a fixed Message-ID. */
	private static final class Envelope extends org.apache.commons.mail.Email {
		private final String messageId;

		Envelope(String messageId) {
			this.messageId = messageId;
		}

		@Override
		public org.apache.commons.mail.Email setMsg(String msg) {
			throw new UnsupportedOperationException("the body is the signed multipart");
		}

		@Override
		protected MimeMessage createMimeMessage(Session session) {
			return new FixedIdMessage(session, messageId);
		}
	}

	private static final class FixedIdMessage extends MimeMessage {
		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}
	}

	/** The signed body as sent: exactly the bytes that were signed, whatever saveChanges does. */
	private static final class Frozen extends MimeBodyPart {
		private final byte[] raw;

		Frozen(byte[] raw) throws MessagingException {
			super(new ByteArrayInputStream(raw));
			this.raw = raw;
		}

		@Override
		protected void updateHeaders() {
			// signed: nothing of it may change
		}

		@Override
		public void writeTo(OutputStream out) throws IOException {
			out.write(raw);
		}
	}

	/** multipart/signed; protocol="application/pkcs7-signature"; micalg=… */
	private static final class Signed extends MimeMultipart {
		Signed(String micalg) throws MessagingException {
			super("signed");
			ContentType type = new ContentType(contentType);
			type.setParameter("protocol", "application/pkcs7-signature");
			type.setParameter("micalg", micalg);
			contentType = type.toString();
		}
	}
}
