package radesk.remote;

import java.util.List;

import radesk.api.staff.CardSecrets;
import radesk.api.staff.FormDesk;
import radesk.api.staff.NewSubscriber;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.review.Decision;
import radesk.core.review.FormState;
import radesk.core.revocation.RevocationReason;
import radesk.wire.staff.StaffApi;

/** 申請表單 in connected mode: everything on the RA server (a PIN unlock's card is unlocked in this workstation's reader by the flow). */
final class RemoteFormDesk implements FormDesk {

	private final ServerConnection server;

	RemoteFormDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public long submitPinUnlock(Actor clerk, String cardSerial, String note) throws ServiceException {
		return server.call(StaffApi.SUBMIT_PIN_UNLOCK, new StaffApi.PinUnlock(cardSerial, note)).id();
	}

	@Override
	public long submitPasswordReset(Actor clerk, String account, String note) throws ServiceException {
		return server.call(StaffApi.SUBMIT_PASSWORD_RESET, new StaffApi.PasswordReset(account, note)).id();
	}

	@Override
	public long submitRevocation(Actor staff, String certificate, RevocationReason reason, String note) throws ServiceException {
		return server.call(StaffApi.SUBMIT_REVOCATION, new StaffApi.Revocation(certificate, reason, note)).id();
	}

	@Override
	public void decide(Actor officer, long formId, Decision decision) throws ServiceException {
		server.call(StaffApi.DECIDE_FORM, new StaffApi.DecideForm(formId, decision));
	}

	@Override
	public List<FormItem> forms(Actor staff, FormState state) throws ServiceException {
		return server.call(StaffApi.FORMS, new StaffApi.FormsIn(state));
	}

	@Override
	public CardSecrets beginPinUnlock(Actor clerk, long formId) throws ServiceException {
		return server.call(StaffApi.BEGIN_PIN_UNLOCK, new StaffApi.FormId(formId));
	}

	@Override
	public void confirmPinUnlock(Actor clerk, long formId, byte[] authenticationKey) throws ServiceException {
		server.call(StaffApi.CONFIRM_PIN_UNLOCK, new StaffApi.PinUnlocked(formId, authenticationKey));
	}

	@Override
	public NewSubscriber carryOutPasswordReset(Actor clerk, long formId) throws ServiceException {
		return server.call(StaffApi.CARRY_OUT_PASSWORD_RESET, new StaffApi.FormId(formId));
	}
}
