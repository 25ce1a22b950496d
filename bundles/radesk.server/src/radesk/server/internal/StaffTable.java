package radesk.server.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import radesk.api.staff.AuditTrail;
import radesk.api.staff.CardDesk;
import radesk.api.staff.CounterIntake;
import radesk.api.staff.CrlDesk;
import radesk.api.staff.FormDesk;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.MailroomDesk;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.SearchDesk;
import radesk.api.ServiceException;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.registration.InvalidFormException;
import radesk.wire.Route;
import radesk.wire.staff.MailApi;
import radesk.wire.staff.StaffApi;
import radesk.wire.staff.StaffCardsApi;
import radesk.wire.staff.StaffApi.Done;

/**
 * What each route of the staff API does: one line per route of {@link StaffApi}, calling the
 * service as the signed-in person. A route not bound here is not answered; nothing is found by
 * name. Card work has no route: the workstation's reader does it, and only the records' halves
 * (begin, confirm) are here.
 */
final class StaffTable {

	/** A route's work: the signed-in person (null only on an open route) and the request's record. */
	@FunctionalInterface
	interface Work<Q, A> {
		A answer(Actor me, Q request) throws ServiceException, InvalidFormException;
	}

	/** A route and its work, typed together. */
	record Bound<Q, A>(Route<Q, A> route, Work<Q, A> work) {
	}

	/** The service's desks the staff API answers from. */
	record Desks(StaffDesk staff, CounterIntake intake, RegistrationDesk registration, MailroomDesk mailroom,
			IssuanceDesk issuance, FormDesk forms, SearchDesk search, AuditTrail audit, CrlDesk crl, CardDesk cards,
			radesk.api.staff.StaffCardDesk staffCards, radesk.api.EmailDesk email, radesk.api.staff.NoticeDesk notices,
			radesk.api.staff.SuspensionDesk holds) {
	}

	private static final Done DONE = new Done();
	private final Map<String, Bound<?, ?>> routes = new HashMap<>();

	StaffTable(Desks d) {
		on(StaffApi.GRANT_ROLE, (me, q) -> done(() -> d.staff().grantRole(me, q.account(), q.role())));
		on(StaffApi.ADD_STAFF, (me, q) -> done(() -> {
			try {
				d.staff().addStaff(me, q.account(), q.displayName(), q.role(), q.password());
			} finally {
				Arrays.fill(q.password(), '\0');
			}
		}));
		on(StaffApi.RESET_STAFF_PASSWORD, (me, q) -> done(() -> {
			try {
				d.staff().resetPassword(me, q.account(), q.password());
			} finally {
				Arrays.fill(q.password(), '\0');
			}
		}));
		on(StaffApi.STAFF, (me, q) -> d.staff().staff(me));
		on(StaffApi.ADD_RA_UNIT, (me, q) -> done(() -> d.staff().addRaUnit(me, q.unit())));
		on(StaffCardsApi.BEGIN_STAFF_CARD, (me, q) -> d.staffCards().begin(me, q.account()));
		on(StaffCardsApi.CERTIFY_STAFF_CARD, (me, q) -> new StaffCardsApi.StaffCertificate(
				d.staffCards().certify(me, q.cardSerial(), q.authenticationKey(), q.possession())));
		on(StaffCardsApi.CONFIRM_STAFF_CARD, (me, q) -> done(() -> d.staffCards().confirm(me, q.cardSerial())));
		on(StaffCardsApi.REVOKE_STAFF_CARD, (me, q) -> done(() -> d.staffCards().revoke(me, q.cardSerial(), q.reason())));
		on(StaffCardsApi.SIGN_IN_CHALLENGE, (me, q) -> new StaffCardsApi.Challenge(d.staff().signInChallenge()));
		on(MailApi.EMAIL_CODE, (me, q) -> done(() -> d.email().sendCode(me, q.account())));
		on(MailApi.EMAIL_CONFIRM, (me, q) -> done(() -> d.email().confirm(me, q.account(), q.code())));
		on(MailApi.EMAIL_ADDRESS, (me, q) -> d.email().address(me, q.account()));
		on(MailApi.EMAIL_LANGUAGE, (me, q) -> done(() -> d.email().language(me, q.account(), q.language())));
		on(MailApi.NOTICES_RUN, (me, q) -> d.notices().run(me));
		on(MailApi.NOTICES_DUE, (me, q) -> d.notices().due(me));
		on(MailApi.RENEWALS_DUE, (me, q) -> d.notices().dueForRenewal(me, q.raUnit(), q.month()));
		on(MailApi.NOTICE_RESEND, (me, q) -> done(() -> d.notices().resend(me, q.notice())));

		on(StaffApi.RA_UNITS, (me, q) -> d.intake().raUnits());
		on(StaffApi.SUBMIT_WALK_IN, (me, q) -> d.registration().submitWalkIn(me, q.form()));
		on(StaffApi.RECENT_REQUESTS, (me, q) -> d.intake().recentRequests(me, q.limit()));

		on(StaffApi.SUBMIT_POSTAL, (me, q) -> d.registration().submitPostal(me, q.form()));
		on(StaffApi.IMPORT_POSTAL, (me, q) -> d.mailroom().importPostal(me, q.csv()));
		on(StaffApi.START_REVIEW, (me, q) -> done(() -> d.registration().startReview(me, q.requestId())));
		on(StaffApi.REVIEW_QUEUE, (me, q) -> d.registration().queue(me, q.raUnit(), q.channel(), q.minimumAge()));
		on(StaffApi.DECIDE_REQUEST, (me, q) -> done(() -> d.registration().decide(me, q.requestId(), q.decision())));
		on(StaffApi.REGISTER, (me, q) -> d.registration().register(me, q.requestId()));

		on(StaffApi.PENDING_ISSUANCES, (me, q) -> d.issuance().pending(me));
		on(StaffApi.BEGIN_PERSONALIZATION, (me, q) -> d.cards().beginPersonalization(me, q.subscriberId()));
		on(StaffApi.CONFIRM_PERSONALIZED, (me, q) -> done(() -> d.cards().confirmPersonalized(me, q.cardSerial(), q.authenticationKey())));
		on(StaffApi.SLIP_PRINTED, (me, q) -> done(() -> d.issuance().slipPrinted(me, q.kind(), q.subject())));
		on(StaffApi.IS_SLIP_PRINTED, (me, q) -> new StaffApi.Printed(d.issuance().printed(me, q.kind(), q.subject())));
		on(StaffApi.HAND_OVER, (me, q) -> done(() -> d.issuance().handOver(me, q.cardSerial(), q.delivery())));

		on(StaffApi.SUBMIT_PIN_UNLOCK, (me, q) -> new StaffApi.Id(d.forms().submitPinUnlock(me, q.cardSerial(), q.note())));
		on(StaffApi.SUBMIT_PASSWORD_RESET, (me, q) -> new StaffApi.Id(d.forms().submitPasswordReset(me, q.account(), q.note())));
		on(StaffApi.SUBMIT_REVOCATION,
				(me, q) -> new StaffApi.Id(d.forms().submitRevocation(me, q.certificate(), q.reason(), q.note())));
		on(StaffApi.DECIDE_FORM, (me, q) -> done(() -> d.forms().decide(me, q.formId(), q.decision())));
		on(StaffApi.FORMS, (me, q) -> d.forms().forms(me, q.state()));
		on(radesk.wire.staff.HoldApi.SUSPEND, (me, q) -> done(() -> d.holds().suspend(me, q.certificate(), q.note())));
		on(radesk.wire.staff.HoldApi.RESUME, (me, q) -> done(() -> d.holds().resume(me, q.certificate(), q.note())));
		on(StaffApi.BEGIN_PIN_UNLOCK, (me, q) -> d.forms().beginPinUnlock(me, q.formId()));
		on(StaffApi.CONFIRM_PIN_UNLOCK, (me, q) -> done(() -> d.forms().confirmPinUnlock(me, q.formId(), q.authenticationKey())));
		on(StaffApi.CARRY_OUT_PASSWORD_RESET, (me, q) -> d.forms().carryOutPasswordReset(me, q.formId()));

		on(StaffApi.SEARCH, (me, q) -> d.search().search(me, q.text(), q.limit()));
		on(StaffApi.STORY, (me, q) -> d.search().story(me, q.kind(), q.key()));
		on(StaffApi.VERIFY_AUDIT, (me, q) -> new StaffApi.Verified(d.audit().firstBroken(me)));
		on(StaffApi.AUDIT_ABOUT, (me, q) -> d.audit().about(me, q.subject()));
		on(StaffApi.ANCHOR_AUDIT, (me, q) -> new StaffApi.Anchor(d.audit().anchor(me)));
		on(StaffApi.PUBLISH_CRL, (me, q) -> d.crl().publish(me));
		if (routes.size() != StaffApi.ALL.size()) {
			throw new IllegalStateException("a route of StaffApi has no work: " + StaffApi.ALL.stream()
					.map(Route::key).filter(k -> !routes.containsKey(k)).toList());
		}
	}

	Optional<Bound<?, ?>> find(String key) {
		return Optional.ofNullable(routes.get(key));
	}

	private <Q, A> void on(Route<Q, A> route, Work<Q, A> work) {
		if (routes.put(route.key(), new Bound<>(route, work)) != null) {
			throw new IllegalStateException("two works for " + route.key());
		}
	}

	@FunctionalInterface
	private interface Change {
		void run() throws ServiceException, InvalidFormException;
	}

	private static Done done(Change change) throws ServiceException, InvalidFormException {
		change.run();
		return DONE;
	}
}
