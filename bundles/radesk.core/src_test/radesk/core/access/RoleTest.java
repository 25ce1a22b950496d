package radesk.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static radesk.core.access.Permission.*;

class RoleTest {

	@Test
	void eachRoleMayDoExactlyItsWork() {
		assertEquals(EnumSet.of(INTAKE_COUNTER, SUBMIT_FORM, REGISTER_SUBSCRIBER, PERSONALIZE_CARD, PRINT_SLIP, HAND_OVER, SEARCH,
				CONFIRM_EMAIL, RESEND_NOTICE, SUSPEND_CERTIFICATE), Role.COUNTER_CLERK.permissions());
		assertEquals(EnumSet.of(REVIEW, REVOKE_CERTIFICATE, UNLOCK_CARD, SEARCH, RESEND_NOTICE, SUSPEND_CERTIFICATE, RESUME_CERTIFICATE),
				Role.RA_OFFICER.permissions());
		assertEquals(EnumSet.of(INTAKE_POSTAL, SUBMIT_FORM, RECORD_MAILING, SEARCH), Role.MAILROOM_CLERK.permissions());
		assertEquals(EnumSet.of(MANAGE_STAFF, MANAGE_RA_UNITS, VERIFY_AUDIT, PUBLISH_CRL, SEARCH, RUN_NOTICES, RESEND_NOTICE, BACK_UP),
				Role.ADMINISTRATOR.permissions());
		assertEquals(EnumSet.of(APPLY_CERTIFICATE, DOWNLOAD_CERTIFICATE, RENEW_CERTIFICATE, CHANGE_OWN_PASSWORD, CONFIRM_EMAIL, REPORT_LOST_CARD),
				Role.SUBSCRIBER.permissions());
	}

	@Test
	void onlyOfficersReview() {
		for (Role r : Role.values()) {
			assertEquals(r == Role.RA_OFFICER, r.may(REVIEW), r.toString());
		}
	}

	@ParameterizedTest
	@EnumSource(Permission.class)
	void everyPermissionBelongsToSomeRole(Permission p) {
		Set<Role> holders = EnumSet.noneOf(Role.class);
		for (Role r : Role.values()) {
			if (r.may(p)) {
				holders.add(r);
			}
		}
		assertEquals(false, holders.isEmpty(), p + " is held by nobody");
	}

	@Test
	void anActorIsRefusedWhatItsRoleMayNotDo() throws Exception {
		Actor clerk = new Actor("chen", Role.COUNTER_CLERK, "counter-1");
		clerk.require(INTAKE_COUNTER);
		NotPermittedException e = assertThrows(NotPermittedException.class, () -> clerk.require(REVIEW));
		assertEquals(Role.COUNTER_CLERK, e.role());
		assertEquals(REVIEW, e.permission());
		assertThrows(NotPermittedException.class, () -> new Actor("lin", Role.SUBSCRIBER, "home").require(SEARCH));
	}

	@Test
	void anActorNeedsAnAccountAndARole() {
		assertThrows(IllegalArgumentException.class, () -> new Actor(" ", Role.RA_OFFICER, "w"));
		assertThrows(IllegalArgumentException.class, () -> new Actor("x", null, "w"));
		assertEquals("unknown", new Actor("x", Role.RA_OFFICER, null).workstation());
	}
}
