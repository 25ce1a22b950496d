package radesk.store;

import java.time.Instant;

import radesk.core.registration.Channel;
import radesk.core.registration.RequestState;

/** A registration request as stored, with its review and its version for optimistic locking. */
public record RequestRow(long id, Channel channel, RequestState state, String applicantName, String nationalId,
		String email, String raUnit, String submittedBy, String decidedBy, String rejectReason, Long subscriberId,
		Instant receivedAt, int version, String phone, String address, String organization, String businessNumber,
		String documents) {
}
