package radesk.remote;


import radesk.api.staff.CardDesk;
import radesk.api.staff.CardSecrets;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.wire.staff.StaffApi;

/** 晶片卡個人化 in connected mode: the records on the RA server (the card is written in this workstation's reader by the flow). */
final class RemoteCardDesk implements CardDesk {

	private final ServerConnection server;

	RemoteCardDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public CardSecrets beginPersonalization(Actor clerk, long subscriberId) throws ServiceException {
		return server.call(StaffApi.BEGIN_PERSONALIZATION, new StaffApi.SubscriberId(subscriberId));
	}

	@Override
	public void confirmPersonalized(Actor clerk, String cardSerial, byte[] authenticationKey) throws ServiceException {
		server.call(StaffApi.CONFIRM_PERSONALIZED, new StaffApi.Personalized(cardSerial, authenticationKey));
	}
}
