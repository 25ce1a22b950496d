package radesk.remote;

import radesk.api.EmailDesk;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.wire.staff.MailApi;
import radesk.wire.staff.StaffApi;

/** 電子郵件確認 in connected mode: the counter's calls on the RA server, as the signed-in clerk. */
final class RemoteEmailDesk implements EmailDesk {

	private final ServerConnection server;

	RemoteEmailDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public void sendCode(Actor who, String account) throws ServiceException {
		server.call(MailApi.EMAIL_CODE, new StaffApi.Account(account));
	}

	@Override
	public void confirm(Actor who, String account, String code) throws ServiceException {
		server.call(MailApi.EMAIL_CONFIRM, new MailApi.EmailCode(account, code));
	}

	@Override
	public void language(Actor who, String account, String language) throws ServiceException {
		server.call(MailApi.EMAIL_LANGUAGE, new MailApi.Language(account, language));
	}

	@Override
	public Address address(Actor who, String account) throws ServiceException {
		return server.call(MailApi.EMAIL_ADDRESS, new StaffApi.Account(account));
	}
}
