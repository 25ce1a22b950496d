package radesk.remote;

import java.util.List;

import radesk.api.ServiceException;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.registration.RaUnit;
import radesk.wire.staff.StaffApi;
import radesk.wire.staff.StaffCardsApi;

/** 系統管理 and sign-in in connected mode: the RA server's staff, signed in through this connection. */
final class RemoteStaffDesk implements StaffDesk {

	private static final StaffApi.Nothing NOTHING = new StaffApi.Nothing();
	private final ServerConnection server;

	RemoteStaffDesk(ServerConnection server) {
		this.server = server;
	}

	@Override
	public boolean needsFirstAdministrator() throws ServiceException {
		return server.needsFirstAdministrator();
	}

	/** Only the RA server's own start opens the code, on its host: never asked for over the network. */
	@Override
	public char[] openFirstAdministratorSetup() throws ServiceException {
		throw new ServiceException(ServiceException.Reason.NOT_PERMITTED, "the setup code is shown on the RA server's host");
	}

	/** Only on the RA server's own host: never over the network. */
	@Override
	public char[] recoverOnHost(String account) throws ServiceException {
		throw new ServiceException(ServiceException.Reason.NOT_PERMITTED, "accounts are recovered on the RA server's host");
	}

	@Override
	public Actor createFirstAdministrator(String setupCode, String account, String displayName, char[] password,
			String workstation) throws ServiceException {
		return server.createFirstAdministrator(setupCode, account, displayName, password, workstation);
	}

	@Override
	public Actor signIn(String account, char[] password, Role as, String workstation, String clientAddress, StaffCardProof card)
			throws ServiceException {
		// the server sees this workstation's address itself
		return server.signIn(account, password, as, workstation, card);
	}

	@Override
	public byte[] signInChallenge() throws ServiceException {
		return server.call(StaffCardsApi.SIGN_IN_CHALLENGE, NOTHING).challenge();
	}

	@Override
	public void grantRole(Actor administrator, String account, Role role) throws ServiceException {
		server.call(StaffApi.GRANT_ROLE, new StaffApi.GrantRole(account, role));
	}

	@Override
	public void addStaff(Actor administrator, String account, String displayName, Role role, char[] password)
			throws ServiceException {
		server.call(StaffApi.ADD_STAFF, new StaffApi.AddStaff(account, displayName, role, password));
	}

	@Override
	public void resetPassword(Actor administrator, String account, char[] password) throws ServiceException {
		server.call(StaffApi.RESET_STAFF_PASSWORD, new StaffApi.ResetStaffPassword(account, password));
	}

	@Override
	public List<StaffMember> staff(Actor administrator) throws ServiceException {
		return server.call(StaffApi.STAFF, NOTHING);
	}

	@Override
	public void addRaUnit(Actor administrator, RaUnit unit) throws ServiceException {
		server.call(StaffApi.ADD_RA_UNIT, new StaffApi.AddUnit(unit));
	}
}
