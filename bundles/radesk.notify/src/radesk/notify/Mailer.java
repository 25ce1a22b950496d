package radesk.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Properties;

import javax.mail.MessagingException;
import javax.mail.SendFailedException;
import javax.mail.Session;
import javax.mail.URLName;
import javax.mail.internet.MimeMessage;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.mail.smtp.SMTPAddressFailedException;
import com.sun.mail.smtp.SMTPTransport;

/**
 * Sends one mail over SMTP as the settings say, and tells exactly how far it got. The outbox's
 * exactly-once rests on one moment: just before the final "." of DATA — after which the server may
 * have taken the message — {@code beforeFinalDot} runs (the outbox records, durably, that
 * the dot is going out). A failure before it means nothing was accepted: the notice may be sent again. A
 * failure after it (the connection lost while waiting for the 250) leaves the notice in doubt: it
 * is not sent again by itself, so no second copy can arise; the counter shows it.
 */
public final class Mailer {

	/** How a send ended. */
	public enum Result {
		/** The server accepted it (250 after DATA). */
		SENT,
		/** Nothing was accepted: try again later. */
		RETRY,
		/** The recipient was refused permanently (5xx at RCPT): no further notices to the address. */
		BOUNCED,
		/** The final dot went out and no answer came: it may have been accepted. */
		IN_DOUBT,
		/** The server refused the message itself for good (5xx after DATA): not sent, not to be tried again. */
		FAILED
	}

	public record Outcome(Result result, String detail) {
	}

	/** Runs just before the final dot; throwing stops the send with nothing accepted. */
	@FunctionalInterface
	public interface BeforeFinalDot {
		void run() throws Exception;
	}

	private final MailSettings settings;
	private final Session session;

	public Mailer(MailSettings settings) throws IOException, GeneralSecurityException {
		this.settings = settings;
		this.session = Session.getInstance(properties(settings));
	}

	public Session session() {
		return session;
	}

	public MailSettings settings() {
		return settings;
	}

	private static Properties properties(MailSettings s) throws IOException, GeneralSecurityException {
		Properties p = new Properties();
		String protocol = s.security() == MailSettings.Security.SMTPS ? "smtps" : "smtp";
		p.put("mail." + protocol + ".host", s.host());
		p.put("mail." + protocol + ".port", String.valueOf(s.port()));
		p.put("mail." + protocol + ".connectiontimeout", "10000");
		p.put("mail." + protocol + ".timeout", "30000");
		p.put("mail." + protocol + ".writetimeout", "30000");
		p.put("mail." + protocol + ".auth", String.valueOf(!s.user().isEmpty()));
		if (s.security() == MailSettings.Security.STARTTLS_REQUIRED || s.security() == MailSettings.Security.STARTTLS) {
			p.put("mail.smtp.starttls.enable", "true");
			p.put("mail.smtp.starttls.required", String.valueOf(s.security() == MailSettings.Security.STARTTLS_REQUIRED));
		}
		// the server's name is checked by the JDK on every TLS socket (CheckedTls): DNS names and IP addresses
		p.put("mail." + protocol + ".ssl.checkserveridentity", "false");
		p.put("mail." + protocol + ".ssl.socketFactory",
				new CheckedTls(s.trust() != null ? trusting(s).getSocketFactory() : SSLContext.getDefault().getSocketFactory()));
		return p;
	}

	/** TLS trusting only the CA file the operator named. */
	private static SSLContext trusting(MailSettings s) throws IOException, GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		try (InputStream in = Files.newInputStream(s.trust())) {
			int i = 0;
			for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("ca" + i++, c);
			}
		}
		TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		tmf.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, tmf.getTrustManagers(), null);
		return context;
	}

	private Transport open;
	private long lastUsed;
	private static final long IDLE_CHECK_NANOS = 5_000_000_000L;

	/**
	 * Sends {@code message} to its recipients, over the connection of the previous send when it is
	 * still up (one connection for a whole run, as a mail server expects of a bulk sender).
	 */
	public Outcome send(MimeMessage message, BeforeFinalDot beforeFinalDot) {
		return MailLoader.with(() -> sendHere(message, beforeFinalDot));
	}

	private Outcome sendHere(MimeMessage message, BeforeFinalDot beforeFinalDot) {
		boolean[] dotGone = { false };
		int[] answerAfterDot = { 0 };
		try {
			// a NOOP (isConnected) only after a pause: between messages the connection is known good
			if (open == null || System.nanoTime() - lastUsed > IDLE_CHECK_NANOS && !open.isConnected()) {
				close();
				open = new Transport(session, settings);
				open.connect(settings.host(), settings.port(), settings.user().isEmpty() ? null : settings.user(),
						settings.user().isEmpty() ? null : new String(settings.password()));
			}
			open.hook(() -> {
				beforeFinalDot.run();
				dotGone[0] = true;
			}, answerAfterDot);
			open.sendMessage(message, message.getAllRecipients());
			lastUsed = System.nanoTime();
			return new Outcome(Result.SENT, oneLine(open.getLastServerResponse()));
		} catch (SendFailedException e) {
			if (answerAfterDot[0] >= 400) {
				// the server answered the final dot with a refusal: nothing was accepted
				return new Outcome(answerAfterDot[0] >= 500 ? Result.FAILED : Result.RETRY, answerAfterDot[0] + " " + oneLine(e.getMessage()));
			}
			if (dotGone[0]) {
				close();
				return new Outcome(Result.IN_DOUBT, oneLine(e.getMessage()));
			}
			for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
				if (next instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
					resetTransaction();
					return new Outcome(Result.BOUNCED, refused.getReturnCode() + " " + oneLine(refused.getMessage()));
				}
			}
			close();
			return new Outcome(Result.RETRY, oneLine(e.getMessage()));
		} catch (MessagingException | RuntimeException e) {
			close();
			return new Outcome(dotGone[0] ? Result.IN_DOUBT : Result.RETRY, oneLine(why(e)));
		}
	}

	/** After a refused recipient the server is still in the middle of a transaction: RSET, or a new connection. */
	private void resetTransaction() {
		try {
			open.reset();
		} catch (MessagingException | RuntimeException e) {
			close();
		}
	}

	/** Ends the connection (QUIT). */
	public void close() {
		if (open != null) {
			try {
				open.close();
			} catch (MessagingException e) {
				// gone already
			}
			open = null;
		}
	}

	/** The message and its causes', e.g. "Could not convert socket to TLS: … PKIX path building failed". */
	private static String why(Throwable e) {
		StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
		java.util.Set<Throwable> seen = new java.util.HashSet<>();
		for (Throwable cause = e.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
			out.append(": ").append(cause.getMessage());
		}
		return out.toString();
	}

	private static String oneLine(String text) {
		String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
		return line.length() > 400 ? line.substring(0, 400) : line;
	}

	/** SMTP (or SMTPS) with the hook before the final dot. */
	private static final class Transport extends SMTPTransport {
		private BeforeFinalDot beforeFinalDot;
		private int[] answerAfterDot = { 0 };

		Transport(Session session, MailSettings settings) {
			super(session, new URLName(settings.security() == MailSettings.Security.SMTPS ? "smtps" : "smtp", settings.host(),
					settings.port(), null, null, null), settings.security() == MailSettings.Security.SMTPS ? "smtps" : "smtp",
					settings.security() == MailSettings.Security.SMTPS);
		}

		void hook(BeforeFinalDot hook, int[] answer) {
			this.beforeFinalDot = hook;
			this.answerAfterDot = answer;
		}

		void reset() throws MessagingException {
			if (simpleCommand("RSET") != 250) {
				throw new MessagingException("RSET refused");
			}
		}

		@Override
		protected void finishData() throws IOException, MessagingException {
			try {
				beforeFinalDot.run();
			} catch (Exception e) {
				throw new MessagingException("not sent: the outbox could not record it", e);
			}
			try {
				super.finishData();
			} catch (com.sun.mail.smtp.SMTPSendFailedException e) {
				answerAfterDot[0] = e.getReturnCode();
				throw e;
			}
		}
	}
}
