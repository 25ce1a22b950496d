package radesk.remote;

import java.util.function.Consumer;

import radesk.api.CardDesk;
import radesk.api.CardSecrets;
import radesk.api.NewCard;
import radesk.api.ServiceException;
import radesk.card.CardTerminal;
import radesk.card.CounterCardWork;
import radesk.core.access.Actor;
import radesk.wire.StaffApi;

/** 晶片卡個人化 in connected mode: the records on the RA server, the card in this workstation's reader. */
final class RemoteCardDesk implements CardDesk {

	private final ServerConnection server;
	private final CardTerminal terminal;

	RemoteCardDesk(ServerConnection server, CardTerminal terminal) {
		this.server = server;
		this.terminal = terminal;
	}

	@Override
	public NewCard personalize(Actor clerk, long subscriberId, long slotId, Consumer<Step> progress) throws ServiceException {
		return CounterCardWork.personalize(this, terminal, clerk, subscriberId, slotId, progress);
	}

	@Override
	public CardSecrets beginPersonalization(Actor clerk, long subscriberId) throws ServiceException {
		return server.call(StaffApi.BEGIN_PERSONALIZATION, new StaffApi.SubscriberId(subscriberId));
	}

	@Override
	public void confirmPersonalized(Actor clerk, String cardSerial) throws ServiceException {
		server.call(StaffApi.CONFIRM_PERSONALIZED, new StaffApi.CardSerial(cardSerial));
	}
}
