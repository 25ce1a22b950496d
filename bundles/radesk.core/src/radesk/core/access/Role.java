package radesk.core.access;

import java.util.EnumSet;
import java.util.Set;

import static radesk.core.access.Permission.*;

/**
 * Who does what (FLOWS.md, "People"). Officers decide but do not take in forms they decide;
 * administrators manage staff and check the audit trail but decide nothing.
 */
public enum Role {
	COUNTER_CLERK(EnumSet.of(INTAKE_COUNTER, SUBMIT_FORM, REGISTER_SUBSCRIBER, PERSONALIZE_CARD, PRINT_SLIP, HAND_OVER, SEARCH,
			CONFIRM_EMAIL, RESEND_NOTICE, SUSPEND_CERTIFICATE)),
	RA_OFFICER(EnumSet.of(REVIEW, REVOKE_CERTIFICATE, UNLOCK_CARD, SEARCH, RESEND_NOTICE, SUSPEND_CERTIFICATE, RESUME_CERTIFICATE)),
	MAILROOM_CLERK(EnumSet.of(INTAKE_POSTAL, SUBMIT_FORM, RECORD_MAILING, SEARCH)),
	ADMINISTRATOR(EnumSet.of(MANAGE_STAFF, MANAGE_RA_UNITS, VERIFY_AUDIT, PUBLISH_CRL, SEARCH, RUN_NOTICES, RESEND_NOTICE, BACK_UP)),
	SUBSCRIBER(EnumSet.of(APPLY_CERTIFICATE, DOWNLOAD_CERTIFICATE, RENEW_CERTIFICATE, CHANGE_OWN_PASSWORD, CONFIRM_EMAIL,
			REPORT_LOST_CARD));

	private final Set<Permission> permissions;

	Role(Set<Permission> permissions) {
		this.permissions = permissions;
	}

	public boolean may(Permission permission) {
		return permissions.contains(permission);
	}

	public Set<Permission> permissions() {
		return EnumSet.copyOf(permissions);
	}
}
