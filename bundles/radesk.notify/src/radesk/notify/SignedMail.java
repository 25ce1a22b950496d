package radesk.notify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;

import javax.activation.DataHandler;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Session;
import javax.mail.internet.ContentType;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import org.apache.commons.mail.EmailException;
import org.apache.commons.mail.HtmlEmail;

/**
 * A notice as a mail: composed with Apache Commons Email (plain text with an HTML alternative,
 * UTF-8, the subject encoded), then S/MIME-signed (RFC 8551 multipart/signed): the composed body
 * is frozen as bytes, those exact bytes are signed and sent. Its Message-ID is the one the outbox
 * fixed when the notice was queued, so a copy sent again is recognisably the same message.
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
		Composer email = new Composer(messageId);
		try {
			email.setMailSession(session);
			email.setCharset("UTF-8");
			email.setFrom(from, fromName);
			email.addTo(to);
			email.setSubject(letter.subject());
			email.setTextMsg(letter.text());
			email.setHtmlMsg(letter.html());
			email.buildMimeMessage();
		} catch (EmailException e) {
			throw new MessagingException("the notice could not be composed: " + e.getMessage(), e);
		}
		MimeMessage message = email.getMimeMessage();
		Body body = new Body();
		try {
			body.setContent((Multipart) message.getContent());
		} catch (IOException e) {
			throw new MessagingException(e.getMessage(), e);
		}
		body.update();
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		try {
			body.writeTo(raw);
		} catch (IOException e) {
			throw new MessagingException(e.getMessage(), e);
		}
		byte[] signedBytes = raw.toByteArray();
		MimeBodyPart signature = new MimeBodyPart();
		signature.setDataHandler(new DataHandler(new ByteArrayDataSource(signer.sign(signedBytes, from), "application/pkcs7-signature; name=smime.p7s")));
		signature.setHeader("Content-Type", "application/pkcs7-signature; name=smime.p7s");
		signature.setHeader("Content-Transfer-Encoding", "base64");
		signature.setDisposition("attachment; filename=smime.p7s");
		signature.setDescription("S/MIME cryptographic signature");
		Signed signed = new Signed(signer.micalg());
		signed.addBodyPart(new Frozen(signedBytes));
		signed.addBodyPart(signature);
		message.setContent(signed);
		message.saveChanges();
		return message;
	}

	/** Commons Email's HtmlEmail with a message whose Message-ID is fixed. */
	private static final class Composer extends HtmlEmail {
		private final String messageId;

		Composer(String messageId) {
			this.messageId = messageId;
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

	/** The body to sign: its headers made (Content-Type, transfer encodings) before it is written. */
	private static final class Body extends MimeBodyPart {
		void update() throws MessagingException {
			updateHeaders();
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
