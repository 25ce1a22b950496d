package radesk.api;

import java.util.List;

import radesk.core.access.Actor;
import radesk.core.access.Role;

/**
 * Staff accounts and sign-in. The first start creates the administrator; from then on only an
 * administrator adds staff. Three wrong passwords in a row suspend a staff account until an
 * administrator sets a new password.
 */
public interface StaffDesk {

	/** True until the first administrator exists: the first-run dialog then asks for one. */
	boolean needsFirstAdministrator() throws ServiceException;

	/** Creates the first administrator; refused once any staff account exists. */
	Actor createFirstAdministrator(String account, String displayName, char[] password, String workstation)
			throws ServiceException;

	/** Signs a member of staff in at a workstation; the returned actor carries the role. */
	Actor signIn(String account, char[] password, String workstation) throws ServiceException;

	void addStaff(Actor administrator, String account, String displayName, Role role, char[] password) throws ServiceException;

	/** Sets a new password (and lifts a suspension); never the administrator's own. */
	void resetPassword(Actor administrator, String account, char[] password) throws ServiceException;

	List<StaffMember> staff(Actor administrator) throws ServiceException;

	record StaffMember(String account, String displayName, Role role, boolean suspended) {
	}
}
