package radesk.remote;

import java.util.List;

import radesk.api.ServiceException;
import radesk.api.staff.NoticeDesk;
import radesk.core.access.Actor;
import radesk.wire.staff.MailApi;
import radesk.wire.staff.StaffApi;

/** 憑證展期通知 in connected mode: the RA server runs the job; the counter asks it to run now or what is due. */
final class RemoteNoticeDesk implements NoticeDesk {

	private final ServerConnection server;

	RemoteNoticeDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public DueList dueForRenewal(Actor staff, String raUnit, java.time.YearMonth month) throws ServiceException {
		return server.call(MailApi.RENEWALS_DUE, new MailApi.DueQuery(raUnit == null ? "" : raUnit, month));
	}

	@Override
	public void resend(Actor staff, long noticeId) throws ServiceException {
		server.call(MailApi.NOTICE_RESEND, new MailApi.Resend(noticeId));
	}

	@Override
	public Report run(Actor administrator) throws ServiceException {
		return server.call(MailApi.NOTICES_RUN, new StaffApi.Nothing());
	}

	/** The server's own schedule runs it: a connected counter never does. */
	@Override
	public Report runJob() throws ServiceException {
		throw new ServiceException(ServiceException.Reason.NOT_PERMITTED, "the RA server runs the notices on its schedule");
	}

	@Override
	public List<Due> due(Actor administrator) throws ServiceException {
		return server.call(MailApi.NOTICES_DUE, new StaffApi.Nothing());
	}

	@Override
	public List<Due> dueOnHost() throws ServiceException {
		throw new ServiceException(ServiceException.Reason.NOT_PERMITTED, "only on the RA server's host");
	}
}
