package radesk.service.internal;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.StaffDesk.StaffCardProof;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.account.Backoff;
import radesk.core.card.CardBinding;
import radesk.pki.PasswordHasher;
import radesk.store.AuditRecords;
import radesk.store.Backoffs;
import radesk.store.Database;
import radesk.store.StaffCards;
import radesk.store.StaffRecords;
import radesk.store.StaffRow;

/**
 * Staff sign-in: the password (Argon2id), and from the network the person's staff card signing a
 * fresh challenge. Checks that cost no hash come first (a wait not yet over, a network sign-in
 * without a card, a used challenge). Failures slow the next attempt per account at an address
 * and per address, never suspend; every attempt is audited, a failure in its own transaction.
 */
final class StaffSignIn {

	private final Database db;
	private final EmbeddedRa ra;
	private final CardChallenges challenges;

	StaffSignIn(Database db, EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.challenges = new CardChallenges(db, ra);
	}

	byte[] challenge() throws ServiceException {
		return challenges.issue();
	}

	Actor signIn(String account, char[] password, Role as, String workstation, String clientAddress, StaffCardProof card)
			throws ServiceException {
		String who = account == null ? "" : account.strip();
		boolean network = clientAddress != null && !clientAddress.isBlank();
		String address = network ? clientAddress : "this workstation";
		String accountScope = "account:" + who + "@" + address;
		String addressScope = "address:" + address;
		Actor attempt = new Actor(who.isEmpty() ? "(none)" : who, as == null ? Role.COUNTER_CLERK : as, workstation);
		Instant now = ra.clock.instant();
		// a failure slows the next attempt; waiting it out costs no hash (security review H5)
		Instant next = db.inTransaction((Connection c) -> later(
				Backoffs.of(c, accountScope).flatMap(f -> new Backoff(f.count(), f.last()).slowedUntil(Backoff.FREE_PER_ACCOUNT)),
				Backoffs.of(c, addressScope).flatMap(f -> new Backoff(f.count(), f.last()).slowedUntil(Backoff.FREE_PER_ADDRESS))));
		if (next != null && now.isBefore(next)) {
			long seconds = Math.max(1, Duration.between(now, next).toSeconds());
			refuse(attempt, "SIGN_IN_DELAYED", "from " + address + ", " + seconds + " s to wait", now);
			throw new ServiceException(Reason.TOO_MANY_REQUESTS, seconds + " s", null, -1, null);
		}
		if (network && card == null && !db.inTransaction((Connection c) -> StaffCards.hasWaiver(c, who, now))) {
			// from the network the staff card is the second factor: without it no password is even hashed
			refuse(attempt, "SIGN_IN_REFUSED", "no staff card, from " + address, now);
			throw new ServiceException(Reason.STAFF_CARD_REQUIRED, "sign in with the staff card");
		}
		if (card != null) {
			try {
				challenges.useUp(card.challenge());
			} catch (ServiceException e) {
				refuse(attempt, "SIGN_IN_REFUSED", "stale or used challenge, from " + address, now);
				throw e;
			}
		}
		Optional<StaffRow> read = db.inTransaction((Connection c) -> StaffRecords.find(c, who));
		String checked = read.filter(StaffRow::active).map(StaffRow::passwordHash).orElse(null);
		boolean right = ra.passwordMatches(password, checked);
		record Outcome(Actor actor, Reason refusal) {
		}
		Outcome outcome = db.inTransaction((Connection c) -> {
			StaffRow row = StaffRecords.find(c, who).orElse(null);
			Role role = row == null ? Role.COUNTER_CLERK : as == null || !row.roles().contains(as) ? row.role() : as;
			Actor signed = new Actor(attempt.account(), role, workstation);
			boolean passwordOk = row != null && row.active() && (row.passwordHash().equals(checked) ? right
					: PasswordHasher.matches(password, row.passwordHash()));
			String cardProblem = !passwordOk ? null : card != null ? cardProblem(c, who, card, now)
					: network && !StaffCards.useWaiver(c, who, now) ? "no staff card" : null;
			if (!passwordOk || cardProblem != null) {
				Backoffs.failed(c, accountScope, now, now.minus(Backoff.MEMORY));
				Backoffs.failed(c, addressScope, now, now.minus(Backoff.MEMORY));
				AuditRecords.append(c, signed, "SIGN_IN_FAILED", "staff:" + signed.account(), null,
						(row == null || !row.active() ? "no such account" : !passwordOk ? "wrong password" : cardProblem) + " from "
								+ address, now);
				return new Outcome(null, Reason.WRONG_PASSWORD);
			}
			if (row.suspended()) {
				AuditRecords.append(c, signed, "SIGN_IN_REFUSED", "staff:" + who, "suspended", "suspended", now);
				return new Outcome(null, Reason.ACCOUNT_SUSPENDED);
			}
			Backoffs.cleared(c, accountScope);
			if (as != null && !row.roles().contains(as)) {
				AuditRecords.append(c, signed, "SIGN_IN_REFUSED", "staff:" + who, null, "does not work as " + as, now);
				return new Outcome(null, Reason.NOT_PERMITTED);
			}
			AuditRecords.append(c, signed, "SIGN_IN", "staff:" + who, null, "signed in as " + role + " from " + address
					+ (card != null ? " with staff card " + card.cardSerial() : network ? " without a card (host recovery)" : ""), now);
			return new Outcome(signed, null);
		});
		if (outcome.refusal() != null) {
			throw new ServiceException(outcome.refusal(), "sign-in refused");
		}
		return outcome.actor();
	}

	/** Why the card's proof does not sign this account in (null: it does). */
	private static String cardProblem(Connection c, String account, StaffCardProof card, Instant now) throws java.sql.SQLException {
		Optional<StaffCards.Row> row = card.cardSerial() == null ? Optional.empty() : StaffCards.find(c, card.cardSerial());
		if (row.isEmpty() || !row.get().account().equals(account)) {
			return "not this person's staff card " + card.cardSerial();
		}
		if (row.get().state() != StaffCards.State.ACTIVE) {
			return "staff card " + card.cardSerial() + " is " + row.get().state();
		}
		if (row.get().notAfter() == null || !now.isBefore(row.get().notAfter())) {
			return "staff card " + card.cardSerial() + " expired";
		}
		byte[] message = CardBinding.message(CardBinding.Purpose.STAFF_SIGN_IN, account, card.cardSerial(), card.challenge(),
				new byte[0]);
		return CardChallenges.signedByKey(row.get().authKey(), message, card.signature()) ? null
				: "signature not by staff card " + card.cardSerial();
	}

	private void refuse(Actor attempt, String action, String detail, Instant now) throws ServiceException {
		db.inTransaction((Connection c) -> AuditRecords.append(c, attempt, action, "staff:" + attempt.account(), null, detail, now));
	}

	private static Instant later(Optional<Instant> a, Optional<Instant> b) {
		return a.isEmpty() ? b.orElse(null) : b.isEmpty() || a.get().isAfter(b.get()) ? a.get() : b.get();
	}
}
