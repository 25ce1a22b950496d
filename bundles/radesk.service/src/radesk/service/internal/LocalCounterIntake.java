package radesk.service.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.CounterIntake;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.RaUnit;
import radesk.core.registration.WalkInForm;
import radesk.store.RegistrationRecords;

/** What the counter's intake screen needs, in this process: units, the newest requests, and submission. */
@Component(service = CounterIntake.class)
public final class LocalCounterIntake implements CounterIntake {

	private static final int MAX_LIST = 500;

	private final RegistrationRecords records;
	private final RegistrationDesk desk;

	@Activate
	public LocalCounterIntake(@Reference RegistrationRecords records, @Reference RegistrationDesk desk) {
		this.records = records;
		this.desk = desk;
	}

	@Override
	public List<RaUnit> raUnits() {
		return records.raUnits();
	}

	@Override
	public RegistrationSummary submitWalkIn(Actor clerk, WalkInForm form) throws InvalidFormException, ServiceException {
		return desk.submitWalkIn(clerk, form);
	}

	@Override
	public List<RegistrationSummary> recentRequests(Actor clerk, int limit) throws ServiceException {
		Guard.require(clerk, Permission.INTAKE_COUNTER);
		return records.newest(Math.max(0, Math.min(limit, MAX_LIST))).stream().map(RegistrationSummary::masked).toList();
	}
}
