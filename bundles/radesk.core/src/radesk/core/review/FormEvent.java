package radesk.core.review;

public enum FormEvent {
	START_REVIEW, APPROVE, REJECT,
	/** The certificate was revoked, the new password slip or PIN slip was printed. */
	CARRY_OUT
}
