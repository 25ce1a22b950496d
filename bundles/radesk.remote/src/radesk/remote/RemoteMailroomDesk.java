package radesk.remote;

import radesk.api.staff.MailroomDesk;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.wire.staff.StaffApi;

/** 郵寄申請's import in connected mode: the CSV checked and stored by the RA server. */
final class RemoteMailroomDesk implements MailroomDesk {

	private final ServerConnection server;

	RemoteMailroomDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public ImportReport importPostal(Actor mailroom, String csv) throws ServiceException {
		return server.call(StaffApi.IMPORT_POSTAL, new StaffApi.Csv(csv));
	}
}
