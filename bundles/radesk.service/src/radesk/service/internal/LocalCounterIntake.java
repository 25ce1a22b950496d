package radesk.service.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.CounterIntake;
import radesk.api.RegistrationSummary;
import radesk.core.registration.Channel;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.RaUnit;
import radesk.core.registration.RequestState;
import radesk.core.registration.WalkInForm;
import radesk.store.RegistrationRecords;

/** Counter intake in this process: the core's rules first, then one row. */
@Component(service = CounterIntake.class)
public final class LocalCounterIntake implements CounterIntake {

	private static final int MAX_LIST = 500;

	private final RegistrationRecords records;
	private final Clock clock = Clock.systemUTC();

	@Activate
	public LocalCounterIntake(@Reference RegistrationRecords records) {
		this.records = records;
	}

	@Override
	public List<RaUnit> raUnits() {
		return records.raUnits();
	}

	@Override
	public RegistrationSummary submitWalkIn(WalkInForm form) throws InvalidFormException {
		Set<String> units = records.raUnits().stream().map(RaUnit::code).collect(Collectors.toSet());
		form.validate(units);
		// a walk-in's documents were seen at the counter: the request goes straight to review
		return records.insert(form, Channel.COUNTER, RequestState.IN_REVIEW, Workstation.name(), clock.instant());
	}

	@Override
	public List<RegistrationSummary> recentRequests(int limit) {
		return records.newest(Math.max(0, Math.min(limit, MAX_LIST)));
	}
}
