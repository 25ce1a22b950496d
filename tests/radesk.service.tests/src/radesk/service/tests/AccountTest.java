package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import radesk.api.AccountDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.Role;

/** The website password: three strikes suspend, and the change rules. */
class AccountTest {

	@Test
	void threeWrongPasswordsSuspendTheAccountEvenForTheRightOne() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		AccountDesk accounts = Services.await(AccountDesk.class);
		ServiceException first = assertThrows(ServiceException.class,
				() -> accounts.logIn(j.subscriber.account(), "wrong-pass-1".toCharArray(), "pc"));
		assertEquals(Reason.WRONG_PASSWORD, first.reason());
		assertEquals(2, first.triesLeft());
		assertEquals(1, assertThrows(ServiceException.class,
				() -> accounts.logIn(j.subscriber.account(), "wrong-pass-2".toCharArray(), "pc")).triesLeft());
		assertEquals(Reason.ACCOUNT_SUSPENDED, assertThrows(ServiceException.class,
				() -> accounts.logIn(j.subscriber.account(), "wrong-pass-3".toCharArray(), "pc")).reason());
		assertEquals(Reason.ACCOUNT_SUSPENDED, assertThrows(ServiceException.class,
				() -> accounts.logIn(j.subscriber.account(), j.password.toCharArray(), "pc")).reason());
	}

	/**
	 * Wrong passwords sent at once (security review M5): each one counts, none slips through as a
	 * "concurrent change" without a strike, so the third suspends however they race.
	 */
	@Test
	void parallelWrongPasswordsEachCountAndTheThirdSuspends() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		AccountDesk accounts = Services.await(AccountDesk.class);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.List<java.util.concurrent.Future<Reason>> tries = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String guess = "wrong-guess-" + i;
			tries.add(pool.submit(() -> {
				start.await();
				return assertThrows(ServiceException.class,
						() -> accounts.logIn(j.subscriber.account(), guess.toCharArray(), "racing")).reason();
			}));
		}
		start.countDown();
		java.util.List<Reason> refusals = new java.util.ArrayList<>();
		for (java.util.concurrent.Future<Reason> f : tries) {
			refusals.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
		}
		pool.shutdown();
		assertEquals(java.util.List.of(Reason.WRONG_PASSWORD, Reason.WRONG_PASSWORD, Reason.ACCOUNT_SUSPENDED),
				refusals.stream().sorted().toList(), "two strikes and the suspension, none lost to the race");
		assertEquals(Reason.ACCOUNT_SUSPENDED, assertThrows(ServiceException.class,
				() -> accounts.logIn(j.subscriber.account(), j.password.toCharArray(), "pc")).reason());
		assertEquals(3, Services.await(radesk.api.staff.AuditTrail.class).about(Staff.CLERK, "subscriber:" + j.subscriber.subscriberId())
				.stream().filter(e -> e.action().equals("LOGIN_FAILED") || e.action().equals("ACCOUNT_SUSPENDED")).count(),
				"each wrong password on the record");
	}

	@Test
	void aRightPasswordClearsEarlierStrikes() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		AccountDesk accounts = Services.await(AccountDesk.class);
		assertThrows(ServiceException.class, () -> accounts.logIn(j.subscriber.account(), "nope-nope-1".toCharArray(), "pc"));
		assertThrows(ServiceException.class, () -> accounts.logIn(j.subscriber.account(), "nope-nope-2".toCharArray(), "pc"));
		accounts.logIn(j.subscriber.account(), j.password.toCharArray(), "pc");
		assertEquals(2, assertThrows(ServiceException.class,
				() -> accounts.logIn(j.subscriber.account(), "nope-nope-3".toCharArray(), "pc")).triesLeft());
	}

	@Test
	void anUnknownAccountGetsTheSameAnswerAsAWrongPassword() throws Exception {
		assertEquals(Reason.WRONG_PASSWORD, assertThrows(ServiceException.class,
				() -> Services.await(AccountDesk.class).logIn("ra00000000x", "whatever12".toCharArray(), "pc")).reason());
	}

	@Test
	void changingThePasswordFollowsTheRules() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		AccountDesk accounts = Services.await(AccountDesk.class);
		Actor me = accounts.logIn(j.subscriber.account(), j.password.toCharArray(), "pc");
		char[] old = j.password.toCharArray();
		assertEquals(Reason.PASSWORDS_DIFFER, assertThrows(ServiceException.class,
				() -> accounts.changePassword(me, old, "newPass2026x".toCharArray(), "newPass2026y".toCharArray())).reason());
		assertEquals(Reason.PASSWORD_TOO_WEAK, assertThrows(ServiceException.class,
				() -> accounts.changePassword(me, old, "short1".toCharArray(), "short1".toCharArray())).reason());
		assertEquals(Reason.PASSWORD_UNCHANGED, assertThrows(ServiceException.class,
				() -> accounts.changePassword(me, old, old, old)).reason());
		assertEquals(Reason.WRONG_PASSWORD, assertThrows(ServiceException.class,
				() -> accounts.changePassword(me, "notTheOld123".toCharArray(), "newPass2026x".toCharArray(),
						"newPass2026x".toCharArray())).reason());
		accounts.changePassword(me, old, "newPass2026x".toCharArray(), "newPass2026x".toCharArray());
		accounts.logIn(j.subscriber.account(), "newPass2026x".toCharArray(), "pc");
		assertEquals(Reason.WRONG_PASSWORD, assertThrows(ServiceException.class,
				() -> accounts.logIn(j.subscriber.account(), old, "pc")).reason());
	}

	@Test
	void onlyTheSubscriberChangesTheirPassword() throws Exception {
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> Services.await(AccountDesk.class).changePassword(new Actor("chen", Role.COUNTER_CLERK, "w"),
						"a".toCharArray(), "newPass2026x".toCharArray(), "newPass2026x".toCharArray())).reason());
	}
}
