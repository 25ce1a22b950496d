package radesk.remote;

import java.util.List;

import radesk.api.CardSecrets;
import radesk.api.FormDesk;
import radesk.api.NewCard;
import radesk.api.NewSubscriber;
import radesk.api.ServiceException;
import radesk.card.CardTerminal;
import radesk.card.CounterCardWork;
import radesk.core.access.Actor;
import radesk.core.review.Decision;
import radesk.core.review.FormState;
import radesk.core.revocation.RevocationReason;

/** 申請表單 in connected mode: everything on the RA server, but for the card of a PIN unlock, unlocked in this workstation's reader. */
final class RemoteFormDesk implements FormDesk {

	private final FormDesk server;
	private final CardTerminal terminal;

	RemoteFormDesk(ServerConnection connection, CardTerminal terminal) {
		this.server = connection.desk(FormDesk.class);
		this.terminal = terminal;
	}

	@Override
	public NewCard carryOutPinUnlock(Actor clerk, long formId) throws ServiceException {
		return CounterCardWork.unlock(this, terminal, clerk, formId);
	}

	@Override
	public long submitPinUnlock(Actor clerk, String cardSerial, String note) throws ServiceException {
		return server.submitPinUnlock(clerk, cardSerial, note);
	}

	@Override
	public long submitPasswordReset(Actor clerk, String account, String note) throws ServiceException {
		return server.submitPasswordReset(clerk, account, note);
	}

	@Override
	public long submitRevocation(Actor staff, String certificate, RevocationReason reason, String note) throws ServiceException {
		return server.submitRevocation(staff, certificate, reason, note);
	}

	@Override
	public void decide(Actor officer, long formId, Decision decision) throws ServiceException {
		server.decide(officer, formId, decision);
	}

	@Override
	public List<FormItem> forms(Actor staff, FormState state) throws ServiceException {
		return server.forms(staff, state);
	}

	@Override
	public CardSecrets beginPinUnlock(Actor clerk, long formId) throws ServiceException {
		return server.beginPinUnlock(clerk, formId);
	}

	@Override
	public void confirmPinUnlock(Actor clerk, long formId) throws ServiceException {
		server.confirmPinUnlock(clerk, formId);
	}

	@Override
	public NewSubscriber carryOutPasswordReset(Actor clerk, long formId) throws ServiceException {
		return server.carryOutPasswordReset(clerk, formId);
	}
}
