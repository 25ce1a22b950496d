package radesk.service.internal;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.CardSecrets;
import radesk.api.staff.StaffCardDesk;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.access.Role;
import radesk.core.card.CardBinding;
import radesk.core.card.Pins;
import radesk.core.revocation.RevocationReason;
import radesk.store.AuditRecords;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.SessionRecords;
import radesk.store.StaffCards;
import radesk.store.StaffRecords;
import radesk.store.StaffRow;

/**
 * 員工卡: staff cards issued by an administrator at the counter. The card's row and sealed SO PIN
 * are written before the card is touched; its staff certificate is issued for the authentication
 * key the card made (which signed to prove it), once per key; the card becomes the person's one
 * active staff card, and any earlier one is revoked with its sessions ended.
 */
@Component(service = StaffCardDesk.class)
public final class LocalStaffCardDesk implements StaffCardDesk {

	private final Database db;
	private final EmbeddedRa ra;
	private final Pins pins;

	@Activate
	public LocalStaffCardDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.pins = new Pins(ra.random);
	}

	@Override
	public CardSecrets begin(Actor administrator, String account) throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_STAFF);
		Instant now = ra.clock.instant();
		return db.inTransaction((Connection c) -> {
			StaffCards.lockHolder(c, account == null ? "" : account);
			StaffRow person = StaffRecords.find(c, account == null ? "" : account).filter(StaffRow::active)
					.orElseThrow(() -> Guard.notFound("staff " + account));
			if (administrator.account().equals(person.account()) && anotherAdministratorHoldsACard(c, person.account(), now)) {
				// a second administrator issues an administrator's card: one person alone never makes their own factor
				throw new ServiceException(Reason.DUAL_CONTROL, "another administrator issues your staff card");
			}
			Optional<StaffCards.Row> unfinished = StaffCards.ofAccount(c, person.account()).stream()
					.filter(r -> r.state() == StaffCards.State.PERSONALIZING).findFirst();
			if (unfinished.isPresent()) {
				AuditRecords.append(c, administrator, "SO_PIN_RELEASED", "staff_card:" + unfinished.get().serial(), null,
						"to " + administrator.workstation() + " (staff card resumed)", now);
				return new CardSecrets(unfinished.get().serial(), soPin(unfinished.get()), new char[0]);
			}
			String serial = freeSerial(c);
			char[] soPin = pins.newSoPin();
			StaffCards.insert(c, serial, person.account(), seal(soPin, serial), administrator.account(), now);
			AuditRecords.append(c, administrator, "STAFF_CARD_STARTED", "staff_card:" + serial, null,
					"for staff:" + person.account() + ", SO PIN released to " + administrator.workstation(), now);
			return new CardSecrets(serial, soPin, new char[0]);
		});
	}

	@Override
	public byte[] certify(Actor administrator, String cardSerial, byte[] authenticationKey, byte[] possession)
			throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_STAFF);
		CardKeys.check(authenticationKey);
		Instant now = ra.clock.instant();
		StaffCards.Row asked = db.inTransaction((Connection c) -> StaffCards.find(c, cardSerial == null ? "" : cardSerial))
				.orElseThrow(() -> Guard.notFound("staff card " + cardSerial));
		byte[] message = CardBinding.message(CardBinding.Purpose.STAFF_CARD, asked.account(), asked.serial(), new byte[0],
				authenticationKey);
		if (!CardChallenges.signedByKey(authenticationKey, message, possession)) {
			db.inTransaction((Connection c) -> AuditRecords.append(c, administrator, "STAFF_CARD_REFUSED", "staff_card:" + asked.serial(),
					null, "the key did not prove itself", now));
			throw new ServiceException(Reason.CARD_NOT_PROVEN, "the card's key did not sign");
		}
		try {
			return db.inTransaction((Connection c) -> {
				StaffCards.Row card = StaffCards.find(c, asked.serial()).orElseThrow(() -> Guard.notFound("staff card " + cardSerial));
				if (card.certificate() != null) {
					if (card.state() == StaffCards.State.PERSONALIZING && Arrays.equals(card.authKey(), authenticationKey)) {
						return card.certificate(); // asked again (the first answer was lost): the same certificate
					}
					throw new ServiceException(Reason.WRONG_STATE, "staff card " + card.serial() + " is certified already");
				}
				if (card.state() != StaffCards.State.PERSONALIZING) {
					throw new ServiceException(Reason.WRONG_STATE, "staff card " + card.serial() + " is " + card.state());
				}
				StaffRow person = StaffRecords.find(c, card.account()).orElseThrow(() -> Guard.notFound("staff " + card.account()));
				X509Certificate x509;
				byte[] der;
				try {
					x509 = ra.ca.issueStaff(CardChallenges.publicKey(authenticationKey), person.account(), person.displayName(), now);
					der = x509.getEncoded();
				} catch (GeneralSecurityException e) {
					throw new ServiceException(Reason.BAD_REQUEST, "the CA refused: " + e.getMessage());
				}
				StaffCards.certified(c, card, authenticationKey, der, x509.getSerialNumber().toString(16), x509.getNotAfter().toInstant());
				AuditRecords.append(c, administrator, "STAFF_CERTIFICATE_ISSUED", "staff_card:" + card.serial(), null,
						"certificate " + x509.getSerialNumber().toString(16) + " for staff:" + person.account() + " until "
								+ x509.getNotAfter().toInstant(),
						now);
				return der;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	@Override
	public void confirm(Actor administrator, String cardSerial) throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_STAFF);
		Instant now = ra.clock.instant();
		boolean replaced;
		try {
			replaced = db.inTransaction((Connection c) -> {
				StaffCards.Row asked = StaffCards.find(c, cardSerial == null ? "" : cardSerial)
						.orElseThrow(() -> Guard.notFound("staff card " + cardSerial));
				StaffCards.lockHolder(c, asked.account());
				StaffCards.Row card = StaffCards.find(c, asked.serial()).orElseThrow();
				if (card.state() == StaffCards.State.ACTIVE) {
					return false; // told twice: it is so already
				}
				if (card.state() != StaffCards.State.PERSONALIZING || card.certificate() == null) {
					throw new ServiceException(Reason.WRONG_STATE, "staff card " + card.serial() + " is " + card.state()
							+ (card.certificate() == null ? " without its certificate" : ""));
				}
				boolean earlier = false;
				for (StaffCards.Row old : StaffCards.ofAccount(c, card.account())) {
					if (old.state() == StaffCards.State.ACTIVE) {
						revoke(c, administrator, old, RevocationReason.DATA_CHANGED, "replaced by " + card.serial(), now);
						earlier = true;
					}
				}
				StaffCards.activate(c, card);
				AuditRecords.append(c, administrator, "STAFF_CARD_ISSUED", "staff_card:" + card.serial(), StaffCards.State.PERSONALIZING,
						StaffCards.State.ACTIVE + " for staff:" + card.account(), now);
				return earlier;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
		if (replaced) {
			Crls.publish(db, ra, administrator);
		}
	}

	@Override
	public void revoke(Actor administrator, String cardSerial, RevocationReason reason) throws ServiceException {
		Guard.require(administrator, Permission.MANAGE_STAFF);
		if (reason == null) {
			throw new ServiceException(Reason.INVALID_INPUT, "reason: choose why the staff card is revoked");
		}
		Instant now = ra.clock.instant();
		try {
			db.inTransaction((Connection c) -> {
				StaffCards.Row card = StaffCards.find(c, cardSerial == null ? "" : cardSerial)
						.orElseThrow(() -> Guard.notFound("staff card " + cardSerial));
				if (card.state() == StaffCards.State.REVOKED) {
					throw new ServiceException(Reason.WRONG_STATE, "staff card " + card.serial() + " is revoked already");
				}
				revoke(c, administrator, card, reason, "by " + administrator.account(), now);
				return null;
			});
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
		Crls.publish(db, ra, administrator);
	}

	private static void revoke(Connection c, Actor administrator, StaffCards.Row card, RevocationReason reason, String why,
			Instant now) throws SQLException {
		StaffCards.revoke(c, card, reason, now);
		// whoever signed in with this card is signed out at once
		SessionRecords.endForCertificate(c, card.serial());
		AuditRecords.append(c, administrator, "STAFF_CARD_REVOKED", "staff_card:" + card.serial(), card.state(),
				"REVOKED " + reason + ", " + why, now);
	}

	/** Whether an administrator other than {@code account} holds an active, unexpired staff card. */
	private static boolean anotherAdministratorHoldsACard(Connection c, String account, Instant now) throws SQLException {
		for (StaffCards.Row card : StaffCards.active(c)) {
			if (!card.account().equals(account) && card.notAfter() != null && now.isBefore(card.notAfter())) {
				Optional<StaffRow> holder = StaffRecords.find(c, card.account());
				if (holder.isPresent() && holder.get().active() && !holder.get().suspended()
						&& holder.get().roles().contains(Role.ADMINISTRATOR)) {
					return true;
				}
			}
		}
		return false;
	}

	private byte[] seal(char[] soPin, String serial) throws ServiceException {
		return ra.sealSoPin(soPin, "staff-" + serial);
	}

	private char[] soPin(StaffCards.Row card) throws ServiceException {
		try {
			return ra.secrets.unseal(card.soPinSealed(), "card:staff-" + card.serial());
		} catch (GeneralSecurityException e) {
			throw new ServiceException(Reason.WRONG_STATE, "the sealed SO PIN of staff card " + card.serial() + " does not open");
		}
	}

	private String freeSerial(Connection c) throws SQLException {
		while (true) {
			String serial = String.format("RS%010d", ra.random.nextLong(10_000_000_000L));
			if (StaffCards.find(c, serial).isEmpty()) {
				return serial;
			}
		}
	}
}
