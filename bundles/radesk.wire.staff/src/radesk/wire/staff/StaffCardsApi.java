package radesk.wire.staff;

import com.fasterxml.jackson.core.type.TypeReference;

import radesk.api.staff.CardSecrets;
import radesk.core.revocation.RevocationReason;
import radesk.wire.Route;
import radesk.wire.staff.StaffApi.Account;
import radesk.wire.staff.StaffApi.CardSerial;
import radesk.wire.staff.StaffApi.Done;
import radesk.wire.staff.StaffApi.Nothing;

/** The staff API's routes of 員工卡 (staff cards) and of the sign-in challenge; part of {@link StaffApi#ALL}. */
public final class StaffCardsApi {

	private StaffCardsApi() {
	}

	/** A staff card's authentication key and its signature proving the card holds it. */
	public record StaffCardKey(String cardSerial, byte[] authenticationKey, byte[] possession) {
	}

	/** A staff certificate, DER. */
	public record StaffCertificate(byte[] certificate) {
	}

	public record StaffCardRevocation(String cardSerial, RevocationReason reason) {
	}

	/** A fresh challenge for a staff card to sign at sign-in. */
	public record Challenge(byte[] challenge) {
	}

	// 員工卡: staff cards (the records' halves: the card is written in the workstation's reader)
	public static final Route<Account, CardSecrets> BEGIN_STAFF_CARD = Route.staff("staff/staff-cards/begin", Account.class,
			new TypeReference<>() {
			});
	public static final Route<StaffCardKey, StaffCertificate> CERTIFY_STAFF_CARD = Route.staff("staff/staff-cards/certify",
			StaffCardKey.class, new TypeReference<>() {
			});
	public static final Route<CardSerial, Done> CONFIRM_STAFF_CARD = Route.staff("staff/staff-cards/confirm", CardSerial.class,
			new TypeReference<>() {
			});
	public static final Route<StaffCardRevocation, Done> REVOKE_STAFF_CARD = Route.staff("staff/staff-cards/revoke",
			StaffCardRevocation.class, new TypeReference<>() {
			});
	/** Open: a challenge is asked for before signing in. */
	public static final Route<Nothing, Challenge> SIGN_IN_CHALLENGE = new Route<>("staff/sign-in/challenge", Nothing.class,
			new TypeReference<>() {
			}, true, false);
}
