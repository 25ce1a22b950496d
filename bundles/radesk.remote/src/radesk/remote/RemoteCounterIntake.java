package radesk.remote;

import java.util.List;

import radesk.api.staff.CounterIntake;
import radesk.api.staff.RegistrationSummary;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.RaUnit;
import radesk.core.registration.WalkInForm;
import radesk.wire.staff.StaffApi;

/**
 * 臨櫃申請's screen in connected mode. Its two lists cannot refuse in-process; a server out of
 * reach or a session ended is an {@link IllegalStateException} the screen shows all the same.
 */
final class RemoteCounterIntake implements CounterIntake {

	private final ServerConnection server;

	RemoteCounterIntake(ServerConnection server) {
		this.server = server;
	}

	@Override
	public List<RaUnit> raUnits() {
		try {
			return server.call(StaffApi.RA_UNITS, new StaffApi.Nothing());
		} catch (ServiceException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
	}

	@Override
	public RegistrationSummary submitWalkIn(Actor clerk, WalkInForm form) throws InvalidFormException, ServiceException {
		return server.callForm(StaffApi.SUBMIT_WALK_IN, new StaffApi.Form(form));
	}

	@Override
	public List<RegistrationSummary> recentRequests(Actor clerk, int limit) throws ServiceException {
		return server.call(StaffApi.RECENT_REQUESTS, new StaffApi.Limit(limit));
	}
}
