package radesk.ui.counter.issuance;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import radesk.api.staff.IssuanceDesk.Issuance;
import radesk.api.staff.IssuanceDesk.SlipKind;
import radesk.core.card.CardState;
import radesk.core.registration.RaUnit;
import radesk.slips.PostalAddress;
import radesk.slips.Slip;
import radesk.ui.counter.Messages;

/**
 * The secrets made by the service (website password, card PIN) and not printed yet: only in this
 * screen's memory, each wiped once its slip is printed or the screen closes.
 */
final class HeldSlips {

	/** A secret made by the service and not printed yet. */
	record Held(SlipKind kind, String subject, String reference, String recipient, String address, String raUnit, char[] secret) {
	}

	private final Map<String, Held> held = new HashMap<>();

	void keep(Held h) {
		held.put(h.subject(), h);
	}

	Held get(String subject) {
		return held.get(subject);
	}

	boolean has(String subject) {
		return held.containsKey(subject);
	}

	/** Printed once: the secret leaves this screen whatever the service said. */
	void printed(String subject) {
		Held h = held.remove(subject);
		if (h != null) {
			Arrays.fill(h.secret(), '\0');
		}
	}

	void forgetAll() {
		held.values().forEach(h -> Arrays.fill(h.secret(), '\0'));
		held.clear();
	}

	/** A slip not printed whose secret is not in this screen (another workstation, a restart): the way out, or null. */
	String gone(Issuance i) {
		if (!i.passwordSlipPrinted() && !has(i.passwordSlipSubject())) {
			return Messages.issue_password_gone;
		}
		if (i.cardState() == CardState.PERSONALIZED && !i.pinSlipPrinted() && !has(i.pinSlipSubject())) {
			return Messages.issue_pin_gone;
		}
		return null;
	}

	/** The slip the preview shows for the applicant: the first one not printed yet, or null. */
	Held previewed(Issuance i) {
		if (i == null || i.subscriberId() == null) {
			return null;
		}
		Held password = held.get(i.passwordSlipSubject());
		return password != null ? password : i.cardSerial() == null ? null : held.get(i.pinSlipSubject());
	}

	/** The slip of a held secret, its RA unit named as the applicant's unit is called. */
	static Slip toSlip(Held h, List<RaUnit> units, Instant at) {
		String raName = units.stream().filter(u -> u.code().equals(h.raUnit())).findFirst().map(RaUnit::nameZhTw).orElse(h.raUnit());
		return new Slip(h.kind() == SlipKind.CARD_PIN ? Slip.Kind.CARD_PIN : Slip.Kind.WEBSITE_PASSWORD, raName, h.recipient(),
				PostalAddress.windowLines(h.address()), h.reference(), h.secret(), at);
	}
}
