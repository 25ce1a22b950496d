package radesk.api.staff;

import java.time.Instant;

import radesk.core.registration.Channel;
import radesk.core.registration.RequestState;

/** One registration request as lists show it. */
public record RegistrationSummary(long id, Channel channel, RequestState state, String applicantName,
		String nationalId, String email, String raUnit, Instant receivedAt) {

	/** The ID number as lists may show it: first letter and last three digits. */
	public String maskedNationalId() {
		return nationalId.length() < 10 ? "**********" : nationalId.charAt(0) + "******" + nationalId.substring(7);
	}
}
