package radesk.remote;

import radesk.api.ServiceException;
import radesk.api.staff.CardSecrets;
import radesk.api.staff.StaffCardDesk;
import radesk.core.access.Actor;
import radesk.core.revocation.RevocationReason;
import radesk.wire.staff.StaffApi;
import radesk.wire.staff.StaffCardsApi;

/** 員工卡 in connected mode: the records on the RA server (the card is written in this workstation's reader by the flow). */
final class RemoteStaffCardDesk implements StaffCardDesk {

	private final ServerConnection server;

	RemoteStaffCardDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public CardSecrets begin(Actor administrator, String account) throws ServiceException {
		return server.call(StaffCardsApi.BEGIN_STAFF_CARD, new StaffApi.Account(account));
	}

	@Override
	public byte[] certify(Actor administrator, String cardSerial, byte[] authenticationKey, byte[] possession)
			throws ServiceException {
		return server.call(StaffCardsApi.CERTIFY_STAFF_CARD, new StaffCardsApi.StaffCardKey(cardSerial, authenticationKey, possession))
				.certificate();
	}

	@Override
	public void confirm(Actor administrator, String cardSerial) throws ServiceException {
		server.call(StaffCardsApi.CONFIRM_STAFF_CARD, new StaffApi.CardSerial(cardSerial));
	}

	@Override
	public void revoke(Actor administrator, String cardSerial, RevocationReason reason) throws ServiceException {
		server.call(StaffCardsApi.REVOKE_STAFF_CARD, new StaffCardsApi.StaffCardRevocation(cardSerial, reason));
	}
}
