package radesk.notify;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import radesk.core.renewal.NoticeStages;

/**
 * How the RA sends mail, as the operator writes it in {@code <data>/notify/smtp.properties}: the
 * SMTP server, its transport security, the account, the sender address and the reminder stages.
 * The password is not in that file but in {@code smtp.password} beside it, readable by the RA's
 * user only, like the RA's other secrets; it is never logged. Read at each run, so an edit applies
 * without a restart.
 *
 * <pre>
 * host = mail.example.tw
 * port = 587
 * security = starttls-required     # starttls-required | starttls | smtps | none (loopback relays only)
 * user = ra-notices                # empty: no authentication
 * sender = ra-notices@example.tw
 * senderName = RA Desk 憑證註冊中心
 * stages = 30,14,7,1
 * trust = /etc/radesk/smtp-ca.pem  # optional: the CA of the server's TLS certificate, else the JDK's
 * connections = 4                  # SMTP connections the job sends over at once (1 to 16)
 * </pre>
 */
public record MailSettings(String host, int port, Security security, String user, char[] password, String sender,
		String senderName, NoticeStages stages, Path trust, int connections) {

	/** Connections at once: a few, as a mail server expects of one bulk sender (Postfix allows 50 a client). */
	public static final int MAX_CONNECTIONS = 16;

	/** Transport security towards the SMTP server. */
	public enum Security {
		/** STARTTLS, and no mail goes out where the server does not offer it. */
		STARTTLS_REQUIRED,
		/** STARTTLS where offered, else in the clear. */
		STARTTLS,
		/** TLS from the first byte (port 465). */
		SMTPS,
		/** In the clear: a relay on this machine only. */
		NONE
	}

	public static Path folder(Path data) {
		return data.resolve("notify");
	}

	/** The operator's settings, or empty while there is no smtp.properties (notices are not set up). */
	public static Optional<MailSettings> load(Path data) throws IOException {
		Path file = folder(data).resolve("smtp.properties");
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		Properties p = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		String host = p.getProperty("host", "").strip();
		String sender = p.getProperty("sender", "").strip();
		if (host.isEmpty() || !sender.matches("[^@\\s]+@[^@\\s]+")) {
			throw new IOException(file + ": host and sender (an e-mail address) are needed");
		}
		Security security;
		try {
			security = Security.valueOf(p.getProperty("security", "starttls-required").strip().toUpperCase(java.util.Locale.ROOT)
					.replace('-', '_'));
		} catch (IllegalArgumentException e) {
			throw new IOException(file + ": security is starttls-required, starttls, smtps or none");
		}
		int port;
		try {
			port = Integer.parseInt(p.getProperty("port", security == Security.SMTPS ? "465" : "587").strip());
		} catch (NumberFormatException e) {
			throw new IOException(file + ": port is a number");
		}
		if (security == Security.NONE && !java.net.InetAddress.getByName(host).isLoopbackAddress()) {
			throw new IOException(file + ": security = none only for a relay on this machine (loopback)");
		}
		Path passwordFile = folder(data).resolve("smtp.password");
		char[] password = Files.exists(passwordFile) ? Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray()
				: new char[0];
		NoticeStages stages;
		try {
			stages = NoticeStages.parse(p.getProperty("stages", "30,14,7,1"));
		} catch (IllegalArgumentException e) {
			throw new IOException(file + ": " + e.getMessage());
		}
		String trust = p.getProperty("trust", "").strip();
		int connections;
		try {
			connections = Integer.parseInt(p.getProperty("connections", "4").strip());
		} catch (NumberFormatException e) {
			connections = 0;
		}
		if (connections < 1 || connections > MAX_CONNECTIONS) {
			throw new IOException(file + ": connections is a number from 1 to " + MAX_CONNECTIONS);
		}
		return Optional.of(new MailSettings(host, port, security, p.getProperty("user", "").strip(), password, sender,
				p.getProperty("senderName", "RA Desk").strip(), stages, trust.isEmpty() ? null : Path.of(trust), connections));
	}

	/** The domain of the sender address, for Message-IDs. */
	public String senderDomain() {
		return sender.substring(sender.indexOf('@') + 1);
	}

	@Override
	public String toString() {
		return "smtp://" + host + ":" + port + " (" + security + ", " + (user.isEmpty() ? "no account" : user) + ") from " + sender;
	}
}
