package radesk.remote;

import radesk.api.ServiceException;
import radesk.api.staff.SuspensionDesk;
import radesk.core.access.Actor;
import radesk.wire.staff.HoldApi;

/** 暫禁 and 恢復使用 in connected mode: the RA server holds the records and publishes. */
final class RemoteSuspensionDesk implements SuspensionDesk {

	private final ServerConnection server;

	RemoteSuspensionDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public void suspend(Actor staff, String certificate, String note) throws ServiceException {
		server.call(HoldApi.SUSPEND, new HoldApi.Hold(certificate, note));
	}

	@Override
	public void resume(Actor officer, String certificate, String note) throws ServiceException {
		server.call(HoldApi.RESUME, new HoldApi.Hold(certificate, note));
	}
}
