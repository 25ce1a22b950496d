package radesk.store;

import java.time.Instant;

import radesk.core.review.FormKind;
import radesk.core.review.FormState;

/** A revocation, password-reset or PIN-unlock form as stored. */
public record FormRow(long id, FormKind kind, FormState state, String subject, String detail, String submittedBy,
		Instant receivedAt, int version, String reason) {
}
