package radesk.service.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.Arrays;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.AccountDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.access.Role;
import radesk.core.account.PasswordPolicy;
import radesk.core.account.Strikes;
import radesk.pki.PasswordHasher;
import radesk.store.AuditRecords;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.SubscriberRow;
import radesk.store.Subscribers;

/**
 * The website account. A password check commits its strike before answering, so a wrong
 * password is counted even when the caller goes away; the third suspends the account.
 */
@Component(service = AccountDesk.class)
public final class LocalAccountDesk implements AccountDesk {

	private final Database db;
	private final EmbeddedRa ra;
	private final CardChallenges challenges;

	@Activate
	public LocalAccountDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.challenges = new CardChallenges(db, ra);
	}

	private record Outcome(Reason refusal, int triesLeft) {
	}

	@Override
	public byte[] cardChallenge() throws ServiceException {
		return challenges.issue();
	}

	@Override
	public Actor logInWithCard(String identifier, String raUnit, byte[] challenge, byte[] signature, String workstation)
			throws ServiceException {
		Instant now = ra.clock.instant();
		challenges.useUp(challenge);
		String named = identifier == null ? "" : identifier.strip().toUpperCase(java.util.Locale.ROOT);
		record CardOutcome(Actor actor, Reason refusal) {
		}
		CardOutcome outcome;
		try {
		outcome = db.inTransaction((Connection c) -> {
			radesk.store.CertificateRow cert = radesk.store.Certificates.byIdentifier(c, named)
					.orElseThrow(() -> new ServiceException(Reason.NOT_FOUND, "no certificate " + named));
			SubscriberRow holder = Subscribers.find(c, cert.subscriberId()).orElseThrow(() -> Guard.notFound("subscriber"));
			Actor who = new Actor(holder.account(), Role.SUBSCRIBER, workstation);
			if (!holder.raUnit().equalsIgnoreCase(raUnit == null ? "" : raUnit.strip())) {
				throw new ServiceException(Reason.NOT_FOUND, "no certificate " + named + " at RA unit " + raUnit);
			}
			String refusal = null;
			if (cert.state() == radesk.core.certificate.CertificateState.REVOKED) {
				refusal = "CERTIFICATE_REVOKED";
			} else if (cert.state() == radesk.core.certificate.CertificateState.SUSPENDED) {
				refusal = "CERTIFICATE_SUSPENDED";
			} else if (now.isBefore(cert.notBefore()) || now.isAfter(cert.notAfter())
					|| cert.state() == radesk.core.certificate.CertificateState.EXPIRED) {
				refusal = "CERTIFICATE_EXPIRED";
			} else if (cert.state() != radesk.core.certificate.CertificateState.ON_CARD) {
				refusal = "WRONG_STATE";
			} else if (!CardChallenges.signedBy(cert.der(), challenge, signature)) {
				refusal = "SIGNATURE_INVALID";
			}
			AuditRecords.append(c, who, refusal == null ? "LOGIN" : "LOGIN_REFUSED", "subscriber:" + holder.id(), null,
					"card " + named + (refusal == null ? "" : " " + refusal), now);
			return new CardOutcome(who, refusal == null ? null : Reason.valueOf(refusal));
		});
		} catch (ServiceException unknown) {
			// no such certificate at that RA unit: the attempt is on the record all the same
			db.inTransaction((Connection c) -> AuditRecords.append(c, new Actor("(unknown)", Role.SUBSCRIBER, workstation),
					"LOGIN_REFUSED", "certificate:" + named, null, "card " + named + " " + unknown.reason(), now));
			throw unknown;
		}
		// a refusal is thrown only once its audit entry is committed
		if (outcome.refusal() != null) {
			throw new ServiceException(outcome.refusal(), "card log-in refused");
		}
		return outcome.actor();
	}

	@Override
	public Actor logIn(String account, char[] password, String workstation) throws ServiceException {
		Actor who = new Actor(account == null || account.isBlank() ? "(none)" : account.strip(), Role.SUBSCRIBER, workstation);
		Outcome outcome = check(who, password, "LOGIN");
		if (outcome.refusal() != null) {
			throw new ServiceException(outcome.refusal(), "log-in refused", null, outcome.triesLeft(), null);
		}
		return who;
	}

	/**
	 * Checks the password and commits the strike or its clearing; returns the refusal, if any. The
	 * hash is checked outside any transaction (Argon2 holds no lock), then the outcome is written on
	 * the row as it is by then, again when another attempt wrote first: of parallel wrong passwords
	 * every one counts (security review M5). An unknown account costs the same hash as a known one.
	 */
	private Outcome check(Actor who, char[] password, String action) throws ServiceException {
		Instant now = ra.clock.instant();
		java.util.Optional<SubscriberRow> read = db.inTransaction((Connection c) -> Subscribers.byAccount(c, who.account()));
		String checked = read.filter(r -> !r.suspended()).map(SubscriberRow::passwordHash).orElse(null);
		boolean right = ra.passwordMatches(password, checked);
		for (int attempt = 0;; attempt++) {
			try {
				return db.inTransaction((Connection c) -> outcome(c, who, password, action, right, checked, now));
			} catch (ConcurrentChangeException e) {
				if (attempt >= 50) {
					throw Guard.concurrent(e);
				}
			}
		}
	}

	private Outcome outcome(Connection c, Actor who, char[] password, String action, boolean right, String checked, Instant now)
			throws java.sql.SQLException {
		SubscriberRow row = Subscribers.byAccount(c, who.account()).orElse(null);
		if (row == null) {
			AuditRecords.append(c, who, action + "_FAILED", "account:" + who.account(), null, "no such account", now);
			return new Outcome(Reason.WRONG_PASSWORD, -1);
		}
		if (row.suspended()) {
			AuditRecords.append(c, who, action + "_REFUSED", "subscriber:" + row.id(), "suspended", "suspended", now);
			return new Outcome(Reason.ACCOUNT_SUSPENDED, 0);
		}
		// a password reset meanwhile: the new hash is what counts
		boolean ok = row.passwordHash().equals(checked) ? right : PasswordHasher.matches(password, row.passwordHash());
		Strikes before = new Strikes(row.passwordStrikes());
		if (ok) {
			if (before.failures() > 0) {
				Subscribers.passwordOutcome(c, row, 0, false);
			}
			AuditRecords.append(c, who, action, "subscriber:" + row.id(), null, "ok", now);
			return new Outcome(null, Strikes.LIMIT);
		}
		Strikes after = before.afterFailure();
		Subscribers.passwordOutcome(c, row, after.failures(), after.locked());
		AuditRecords.append(c, who, after.locked() ? "ACCOUNT_SUSPENDED" : action + "_FAILED", "subscriber:" + row.id(),
				before.failures() + " strikes", after.failures() + " strikes", now);
		if (after.locked()) {
			// a suspended account is logged out everywhere at once
			radesk.store.SessionRecords.endAll(c, radesk.api.SessionDesk.Kind.SUBSCRIBER.name(), row.account(), null);
			return new Outcome(Reason.ACCOUNT_SUSPENDED, 0);
		}
		return new Outcome(Reason.WRONG_PASSWORD, after.remaining());
	}


	@Override
	public void changePassword(Actor subscriber, char[] oldPassword, char[] newPassword, char[] confirm) throws ServiceException {
		Guard.require(subscriber, Permission.CHANGE_OWN_PASSWORD);
		if (!Arrays.equals(newPassword, confirm)) {
			throw new ServiceException(Reason.PASSWORDS_DIFFER, "new password and confirmation differ");
		}
		if (PasswordPolicy.check(newPassword, subscriber.account()).isPresent()) {
			throw new ServiceException(Reason.PASSWORD_TOO_WEAK, PasswordPolicy.check(newPassword, subscriber.account()).get().name());
		}
		if (Arrays.equals(oldPassword, newPassword)) {
			throw new ServiceException(Reason.PASSWORD_UNCHANGED, "the new password is the old one");
		}
		Outcome outcome = check(subscriber, oldPassword, "PASSWORD_CHECK");
		if (outcome.refusal() != null) {
			throw new ServiceException(outcome.refusal(), "old password", null, outcome.triesLeft(), null);
		}
		String hash = ra.hasher.hash(newPassword);
		try {
			db.inTransaction((Connection c) -> {
				SubscriberRow row = Subscribers.byAccount(c, subscriber.account()).orElseThrow(() -> Guard.notFound("account"));
				Subscribers.newPassword(c, row, hash);
				AuditRecords.append(c, subscriber, "PASSWORD_CHANGED", "subscriber:" + row.id(), null, null, ra.clock.instant());
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}
}
