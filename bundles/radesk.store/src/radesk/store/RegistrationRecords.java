package radesk.store;

import java.time.Instant;
import java.util.List;

import radesk.api.staff.RegistrationSummary;
import radesk.core.registration.Channel;
import radesk.core.registration.RaUnit;
import radesk.core.registration.RequestState;
import radesk.core.registration.WalkInForm;

/** Registration requests and RA units, as rows. Callers have checked the rules already. */
public interface RegistrationRecords {

	List<RaUnit> raUnits();

	RegistrationSummary insert(WalkInForm form, Channel channel, RequestState state, String workstation,
			Instant receivedAt);

	List<RegistrationSummary> newest(int limit);
}
