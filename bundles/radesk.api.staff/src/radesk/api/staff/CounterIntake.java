package radesk.api.staff;

import radesk.api.ServiceException;

import java.util.List;

import radesk.core.registration.InvalidFormException;
import radesk.core.registration.RaUnit;
import radesk.core.registration.WalkInForm;

/** Registration forms taken in at the counter (臨櫃). */
public interface CounterIntake {

	/** The RA units a form may name, in a stable order. */
	List<RaUnit> raUnits();

	/**
	 * Stores a walk-in form as a request waiting for review. Nothing is stored when the form is
	 * refused.
	 *
	 * @throws InvalidFormException with every problem of the form
	 * @throws ServiceException when the ID number is already registered or pending, or the
	 *             workstation may not take in forms
	 */
	RegistrationSummary submitWalkIn(radesk.core.access.Actor clerk, WalkInForm form) throws InvalidFormException, ServiceException;

	/** The newest requests first, ID numbers masked; for whoever takes forms in at the counter. */
	List<RegistrationSummary> recentRequests(radesk.core.access.Actor clerk, int limit) throws ServiceException;
}
