package radesk.core.access;

/** The actions the RA service checks before doing anything. */
public enum Permission {
	INTAKE_COUNTER, INTAKE_POSTAL, SUBMIT_FORM, REVIEW, REGISTER_SUBSCRIBER, PERSONALIZE_CARD, PRINT_SLIP,
	HAND_OVER, RECORD_MAILING, REVOKE_CERTIFICATE, UNLOCK_CARD, SEARCH, MANAGE_STAFF, MANAGE_RA_UNITS,
	VERIFY_AUDIT, PUBLISH_CRL, APPLY_CERTIFICATE, DOWNLOAD_CERTIFICATE, RENEW_CERTIFICATE, CHANGE_OWN_PASSWORD,
	/** 電子郵件確認: mail a subscriber a confirmation code and take it back (the counter, or the subscriber for their own). */
	CONFIRM_EMAIL,
	/** 憑證展期通知: run the notices now, see what is due, re-send one. */
	RUN_NOTICES,
	/** 憑證展期通知 at the counter: send a subscriber's notice again (a failed, bounced or lost one), audited. */
	RESEND_NOTICE,
	/** Back up the records and the keys they need, on demand (the server also does it on a schedule). */
	BACK_UP,
	/** 暫禁: put a certificate on hold at once (its card lost), at the counter. */
	SUSPEND_CERTIFICATE,
	/** 恢復使用: take a suspended certificate off hold, the card found and the person checked. */
	RESUME_CERTIFICATE,
	/** 暫禁 by the subscriber, logged in with the website password: every certificate of theirs in use put on hold. */
	REPORT_LOST_CARD
}
