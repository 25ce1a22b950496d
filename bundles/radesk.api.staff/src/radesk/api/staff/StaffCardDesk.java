package radesk.api.staff;

import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.revocation.RevocationReason;

/**
 * 員工卡: a member of staff's own smart card, with which they sign in to an RA server (multi-factor,
 * as the CA/Browser Forum's Baseline Requirements ask of RA staff). An administrator issues it at
 * the counter: the card's record and SO PIN ({@link #begin}), the card written in the
 * workstation's reader with the PIN its holder types and its authentication key made on it, a
 * staff certificate for that key ({@link #certify}, its own profile: clientAuth and the staff
 * policy only) written to the card, and the card made active ({@link #confirm}), which revokes
 * the person's earlier card. The card itself is written by the flow
 * {@code radesk.flows.counter.IssueStaffCard}, the same at an embedded and a connected counter.
 * Every step needs {@link radesk.core.access.Permission#MANAGE_STAFF} and is audited.
 */
public interface StaffCardDesk {

	/**
	 * The card's record (a new serial, {@code RS…}, and a sealed SO PIN), or the unfinished one of
	 * an earlier, cut-off attempt for the same person with its same SO PIN; the user PIN of the
	 * answer is empty (the holder types their own). An administrator issues no card to themselves,
	 * except while no other administrator holds an active staff card (the first one, or after the
	 * host's recovery): DUAL_CONTROL.
	 */
	CardSecrets begin(Actor administrator, String account) throws ServiceException;

	/**
	 * The staff certificate for the card's authentication key ({@code authenticationKey}, X.509
	 * SubjectPublicKeyInfo), which proves it holds the key by {@code possession}: its signature over
	 * {@link radesk.core.card.CardBinding#message} with purpose STAFF_CARD, the account, the card's
	 * serial, an empty challenge and the key itself. Asked again for the same key (a lost answer),
	 * the same certificate. DER.
	 */
	byte[] certify(Actor administrator, String cardSerial, byte[] authenticationKey, byte[] possession) throws ServiceException;

	/** The card took its certificate: it is the person's active staff card; their earlier one is revoked. */
	void confirm(Actor administrator, String cardSerial) throws ServiceException;

	/**
	 * 停用員工卡: the card's certificate revoked (on the next CRL) and every session opened with the
	 * card ended at once. The person signs in again only with a new card.
	 */
	void revoke(Actor administrator, String cardSerial, RevocationReason reason) throws ServiceException;
}
