package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import radesk.api.staff.AuditTrail;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.audit.AuditEntry;
import radesk.core.registration.RequestState;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.testing.TestIds;

/** Roles, dual control, review decisions and the one-winner rule for two workstations. */
class ReviewAndRolesTest {

	private static WalkInForm form() {
		return new WalkInForm("周書豪", TestIds.nationalId(), "r-" + UUID.randomUUID().toString().substring(0, 8) + "@example.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY);
	}

	private static Reason refused(Executable e) {
		return assertThrows(ServiceException.class, e).reason();
	}

	private static int countAll() throws Exception {
		return AuditCount.all();
	}

	@Test
	void eachRoleIsCheckedByTheServiceAndARefusalLeavesNoTrace() throws Exception {
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		int before = countAll();
		assertEquals(Reason.NOT_PERMITTED, refused(() -> desk.submitWalkIn(Staff.MAILROOM, form())));
		assertEquals(Reason.NOT_PERMITTED, refused(() -> desk.submitPostal(Staff.CLERK, form())));
		assertEquals(Reason.NOT_PERMITTED, refused(() -> desk.submitWalkIn(Staff.OFFICER, form())));
		assertEquals(Reason.NOT_PERMITTED, refused(() -> desk.submitWalkIn(new Actor("x", Role.SUBSCRIBER, "pc"), form())));
		assertEquals(Reason.NOT_PERMITTED, refused(() -> desk.submitWalkIn(null, form())));
		RegistrationSummary r = desk.submitWalkIn(Staff.CLERK, form());
		assertEquals(Reason.NOT_PERMITTED, refused(() -> desk.decide(Staff.CLERK, r.id(), Decision.approve())));
		assertEquals(Reason.NOT_PERMITTED, refused(() -> desk.decide(Staff.ADMIN, r.id(), Decision.approve())));
		assertEquals(Reason.NOT_PERMITTED, refused(() -> desk.register(Staff.OFFICER, r.id())));
		assertEquals(Reason.NOT_PERMITTED,
				refused(() -> Services.await(AuditTrail.class).firstBroken(Staff.CLERK)));
		assertEquals(before + 1, countAll(), "only the one accepted submission was audited");
	}

	@Test
	void theSubmitterCannotApproveEvenWithAnOfficersRole() throws Exception {
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		RegistrationSummary r = desk.submitWalkIn(new Actor("ko.both", Role.COUNTER_CLERK, "counter-2"), form());
		assertEquals(Reason.DUAL_CONTROL, refused(() -> desk.decide(new Actor("ko.both", Role.RA_OFFICER, "review-2"), r.id(),
				Decision.approve())));
		desk.decide(Staff.OFFICER, r.id(), Decision.approve());
	}

	@Test
	void aRejectedRequestCannotBeRegistered() throws Exception {
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		RegistrationSummary r = desk.submitWalkIn(Staff.CLERK, form());
		desk.decide(Staff.OFFICER, r.id(), Decision.reject("身分證影本模糊，請重新提供"));
		assertEquals(Reason.WRONG_STATE, refused(() -> desk.register(Staff.CLERK, r.id())));
		assertEquals(Reason.WRONG_STATE, refused(() -> desk.decide(Staff.OFFICER, r.id(), Decision.approve())));
		List<AuditEntry> story = Services.await(AuditTrail.class).about(Staff.CLERK, "request:" + r.id());
		assertTrue(story.get(1).after().contains("身分證影本模糊"), story.get(1).after());
	}

	@Test
	void aPostalFormWaitsForItsDocumentsBeforeReview() throws Exception {
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		RegistrationSummary r = desk.submitPostal(Staff.MAILROOM, form());
		assertEquals(RequestState.RECEIVED, r.state());
		assertEquals(Reason.WRONG_STATE, refused(() -> desk.decide(Staff.OFFICER, r.id(), Decision.approve())));
		desk.startReview(Staff.MAILROOM, r.id());
		desk.decide(Staff.OFFICER, r.id(), Decision.approve());
	}

	@Test
	void oneIdNumberRegistersOnce() throws Exception {
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		WalkInForm f = form();
		desk.submitWalkIn(Staff.CLERK, f);
		assertEquals(Reason.DUPLICATE_REGISTRATION, refused(() -> desk.submitWalkIn(Staff.CLERK,
				new WalkInForm("別人", f.nationalId(), "other@example.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY))));
	}

	@Test
	void twoOfficersDecidingAtOnceLeaveOneDecision() throws Exception {
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		for (int round = 0; round < 5; round++) {
			RegistrationSummary r = desk.submitWalkIn(Staff.CLERK, form());
			ExecutorService pool = Executors.newFixedThreadPool(2);
			Callable<Reason> approve = () -> attempt(() -> desk.decide(Staff.OFFICER, r.id(), Decision.approve()));
			Callable<Reason> reject = () -> attempt(() -> desk.decide(new Actor("tsai.officer", Role.RA_OFFICER, "review-3"),
					r.id(), Decision.reject("資料不符")));
			List<Future<Reason>> outcomes = pool.invokeAll(List.of(approve, reject));
			pool.shutdown();
			long winners = 0;
			for (Future<Reason> f : outcomes) {
				Reason reason = f.get();
				if (reason == null) {
					winners++;
				} else {
					assertTrue(reason == Reason.CONCURRENT_CHANGE || reason == Reason.WRONG_STATE, reason.toString());
				}
			}
			assertEquals(1, winners, "exactly one decision stands");
			long decisions = Services.await(AuditTrail.class).about(Staff.CLERK, "request:" + r.id()).stream()
					.filter(e -> e.action().equals("REQUEST_APPROVED") || e.action().equals("REQUEST_REJECTED")).count();
			assertEquals(1, decisions);
		}
	}

	private static Reason attempt(Executable e) {
		try {
			e.execute();
			return null;
		} catch (ServiceException x) {
			return x.reason();
		} catch (Throwable t) {
			throw new AssertionError(t);
		}
	}
}
