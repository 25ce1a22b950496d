package radesk.core.review;

/** A revocation (憑證廢止申請單), password reset (密碼重新設定申請單) or PIN unlock request. */
public enum FormState {
	RECEIVED, IN_REVIEW, APPROVED, REJECTED, CARRIED_OUT
}
