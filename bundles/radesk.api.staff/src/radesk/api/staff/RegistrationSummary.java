package radesk.api.staff;

import java.time.Instant;

import radesk.core.registration.Channel;
import radesk.core.registration.RequestState;

/**
 * One registration request as lists show it. The service hands out the full ID number only to an
 * officer deciding the request (the review queue); every other list carries it masked
 * ({@link #masked}, security review M7).
 */
public record RegistrationSummary(long id, Channel channel, RequestState state, String applicantName,
		String nationalId, String email, String raUnit, Instant receivedAt) {

	/** The ID number as lists may show it: first letter and last three digits. */
	public String maskedNationalId() {
		return mask(nationalId);
	}

	/** This summary with the ID number masked, as every list but the officer's review carries it. */
	public RegistrationSummary masked() {
		return new RegistrationSummary(id, channel, state, applicantName, mask(nationalId), email, raUnit, receivedAt);
	}

	public static String mask(String nationalId) {
		return nationalId == null || nationalId.length() < 10 ? "**********" : nationalId.charAt(0) + "******" + nationalId.substring(7);
	}
}
