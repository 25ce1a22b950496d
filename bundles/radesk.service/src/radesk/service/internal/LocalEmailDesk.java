package radesk.service.internal;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.EmailDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.DataFolder;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.access.Role;
import radesk.notify.MailSettings;
import radesk.notify.Mailer;
import radesk.notify.SignedMail;
import radesk.notify.Templates;
import radesk.store.AuditRecords;
import radesk.store.Database;
import radesk.store.Mailboxes;
import radesk.store.SubscriberRow;
import radesk.store.Subscribers;

/**
 * 電子郵件確認. The code (eight digits from SecureRandom) is mailed at once — never queued, never
 * stored: only its SHA-256 with the subscriber and address, good for an hour and five tries.
 */
@Component(service = EmailDesk.class)
public final class LocalEmailDesk implements EmailDesk {

	static final Duration CODE_LIFE = Duration.ofHours(1);
	static final int TRIES = 5;
	static final Duration COOLDOWN = Duration.ofMinutes(1);

	private final Database db;
	private final EmbeddedRa ra;
	private final NoticeKeys keys;

	@Activate
	public LocalEmailDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.keys = ra.noticeKeys;
	}

	/** The subscriber of {@code account}, if {@code who} may act for them: the counter for anyone, a subscriber for themselves. */
	private SubscriberRow subscriber(Actor who, String account) throws ServiceException {
		Guard.require(who, Permission.CONFIRM_EMAIL);
		if (who.role() == Role.SUBSCRIBER && !who.account().equals(account)) {
			throw new ServiceException(Reason.NOT_YOURS, "only your own address");
		}
		return db.inTransaction((Connection c) -> Subscribers.byAccount(c, account == null ? "" : account))
				.orElseThrow(() -> Guard.notFound("subscriber " + account));
	}

	/** The operator's mail settings, or MAIL_NOT_SET_UP in words: no smtp.properties, or one that does not read. */
	static MailSettings mailSettings() throws ServiceException {
		try {
			return MailSettings.load(DataFolder.resolve()).orElseThrow(() -> new ServiceException(Reason.MAIL_NOT_SET_UP,
					"no " + MailSettings.folder(DataFolder.resolve()).resolve("smtp.properties")));
		} catch (java.io.IOException e) {
			throw new ServiceException(Reason.MAIL_NOT_SET_UP, e.getMessage());
		}
	}

	@Override
	public void sendCode(Actor who, String account) throws ServiceException {
		SubscriberRow me = subscriber(who, account);
		MailSettings settings = mailSettings();
		Instant now = ra.clock.instant();
		java.util.Optional<Mailboxes.Pending> earlier = db.inTransaction((Connection c) -> Mailboxes.pending(c, me.id()));
		if (earlier.isPresent() && earlier.get().expiresAt().minus(CODE_LIFE).isAfter(now.minus(COOLDOWN))) {
			// a code a minute: nobody bombs an address (nor the RA's standing with its mail server) through us
			throw new ServiceException(Reason.TOO_MANY_REQUESTS, COOLDOWN.toSeconds() + " s");
		}
		String language = db.inTransaction((Connection c) -> Mailboxes.of(c, me.id())).map(Mailboxes.Mailbox::language).orElse("zh-TW");
		char[] code = new char[8];
		for (int i = 0; i < code.length; i++) {
			code[i] = (char) ('0' + ra.random.nextInt(10));
		}
		try {
			Mailer mailer = new Mailer(settings);
			try {
				String messageId = "<confirm." + me.id() + "." + java.util.HexFormat.of().formatHex(bytes(8)) + "@" + settings.senderDomain() + ">";
				javax.mail.internet.MimeMessage message = SignedMail.compose(mailer.session(),
						Templates.verification(language, me.name(), code, now.plus(CODE_LIFE)), settings.sender(), settings.senderName(),
						me.email(), messageId, keys);
				// the code is recorded first: a mail that went out always has its code waiting
				db.inTransaction((Connection c) -> {
					Mailboxes.pending(c, me.id(), me.email(), hash(me.id(), me.email(), code), now.plus(CODE_LIFE));
					return null;
				});
				Mailer.Outcome sent = mailer.send(message, () -> {
				});
				if (sent.result() != Mailer.Result.SENT && sent.result() != Mailer.Result.IN_DOUBT) {
					db.inTransaction((Connection c) -> {
						AuditRecords.append(c, who, "EMAIL_CODE_NOT_SENT", "subscriber:" + me.id(), null, me.email() + ": " + sent.detail(), now);
						if (sent.result() == Mailer.Result.BOUNCED) {
							Mailboxes.undeliverable(c, me.id(), sent.detail());
						}
						return null;
					});
					throw new ServiceException(Reason.MAIL_FAILED, sent.detail());
				}
			} finally {
				mailer.close();
			}
		} catch (ServiceException e) {
			throw e;
		} catch (Exception e) {
			System.getLogger(LocalEmailDesk.class.getName()).log(System.Logger.Level.ERROR, "a confirmation code was not mailed", e);
			throw new ServiceException(Reason.MAIL_FAILED, e.getMessage());
		} finally {
			Arrays.fill(code, '\0');
		}
		db.inTransaction((Connection c) -> AuditRecords.append(c, who, "EMAIL_CODE_SENT", "subscriber:" + me.id(), null, me.email(), now));
	}

	private byte[] bytes(int n) {
		byte[] b = new byte[n];
		ra.random.nextBytes(b);
		return b;
	}

	private static String hash(long subscriberId, String email, char[] code) {
		return radesk.core.Sha256.hex(subscriberId + ":" + email.toLowerCase(java.util.Locale.ROOT) + ":" + new String(code));
	}

	@Override
	public void confirm(Actor who, String account, String code) throws ServiceException {
		SubscriberRow me = subscriber(who, account);
		Instant now = ra.clock.instant();
		String typed = code == null ? "" : code.strip();
		boolean right = db.inTransaction((Connection c) -> {
			Optional<Mailboxes.Pending> pending = Mailboxes.pending(c, me.id());
			if (pending.isEmpty() || !pending.get().expiresAt().isAfter(now) || pending.get().attempts() >= TRIES
					|| !pending.get().email().equalsIgnoreCase(me.email())) {
				return false;
			}
			if (!java.security.MessageDigest.isEqual(pending.get().codeHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
					hash(me.id(), me.email(), typed.toCharArray()).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
				Mailboxes.attempted(c, me.id());
				return false;
			}
			Mailboxes.verified(c, me.id(), me.email(), now);
			AuditRecords.append(c, who, "EMAIL_CONFIRMED", "subscriber:" + me.id(), null, me.email(), now);
			return true;
		});
		if (!right) {
			db.inTransaction((Connection c) -> AuditRecords.append(c, who, "EMAIL_CODE_REFUSED", "subscriber:" + me.id(), null,
					"wrong, used up or expired", now));
			throw new ServiceException(Reason.EMAIL_CODE_WRONG, "ask for a new code");
		}
	}

	@Override
	public void language(Actor who, String account, String language) throws ServiceException {
		SubscriberRow me = subscriber(who, account);
		if (!Templates.LANGUAGES.contains(language)) {
			throw new ServiceException(Reason.INVALID_INPUT, "language: zh-TW or en");
		}
		db.inTransaction((Connection c) -> {
			Mailboxes.language(c, me.id(), language);
			AuditRecords.append(c, who, "LANGUAGE_CHANGED", "subscriber:" + me.id(), null, language, ra.clock.instant());
			return null;
		});
	}

	@Override
	public Address address(Actor who, String account) throws ServiceException {
		SubscriberRow me = subscriber(who, account);
		Mailboxes.Mailbox box = db.inTransaction((Connection c) -> Mailboxes.of(c, me.id())).orElseThrow();
		return new Address(box.email(), box.verifiedAt() != null, box.undeliverable(), box.language());
	}
}
