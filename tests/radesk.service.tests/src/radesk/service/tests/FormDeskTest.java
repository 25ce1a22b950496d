package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.AccountDesk;
import radesk.api.CertificateDesk;
import radesk.api.staff.FormDesk;
import radesk.api.staff.NewCard;
import radesk.api.staff.NewSubscriber;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.core.review.Decision;
import radesk.testing.SoftHsm;

/** PIN unlock and password reset: submitted at the counter, decided by another person, carried out once. */
class FormDeskTest {

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
	}

	private static Reason refused(org.junit.jupiter.api.function.Executable e) {
		return assertThrows(ServiceException.class, e).reason();
	}

	@Test
	void aLockedCardIsUnlockedWithANewPinAfterAnOfficerApproves() throws Exception {
		Journey j = Journey.toCardInHand();
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		for (int i = 0; i < 3; i++) {
			assertThrows(radesk.api.CardAccessException.class, () -> SubscriberEdition.apply(me, j.card.serial(), "00000000", KeyKind.EC_P256));
		}
		FormDesk forms = Services.await(FormDesk.class);
		long form = forms.submitPinUnlock(Staff.CLERK, j.card.serial(), "用戶攜卡臨櫃，已核對身分證");
		assertEquals(Reason.NOT_PERMITTED, refused(() -> forms.decide(Staff.CLERK, form, Decision.approve())));
		assertEquals(Reason.DUAL_CONTROL, refused(() -> forms.decide(new Actor("chen.clerk", Role.RA_OFFICER, "r"), form,
				Decision.approve())));
		assertEquals(Reason.WRONG_STATE, refused(() -> Journey.unlockPin(form)), "not before approval");
		forms.decide(Staff.OFFICER, form, Decision.approve());
		NewCard unlocked = Journey.unlockPin(form);
		assertEquals(j.card.serial(), unlocked.serial());
		assertEquals(3, Services.await(CardTerminal.class).verifyPin(j.card.serial(), unlocked.pin()));
		assertEquals(CertificateState.ON_CARD,
				SubscriberEdition.apply(me, j.card.serial(), new String(unlocked.pin()), KeyKind.EC_P256).certificate().state(),
				"the card works again");
		assertEquals(Reason.WRONG_STATE, refused(() -> Journey.unlockPin(form)), "one form, one new PIN slip");
	}

	@Test
	void onlyACardInUseGetsAnUnlock() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		NewCard notHandedOver = Journey.personalize(j.subscriber.subscriberId(),
				Journey.blankSlot());
		assertEquals(Reason.WRONG_STATE,
				refused(() -> Services.await(FormDesk.class).submitPinUnlock(Staff.CLERK, notHandedOver.serial(), "")),
				"a card still at the counter has no PIN to unlock");
	}

	@Test
	void aSuspendedAccountGetsANewPasswordThroughAResetForm() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		AccountDesk accounts = Services.await(AccountDesk.class);
		for (int i = 0; i < 3; i++) {
			assertThrows(ServiceException.class, () -> accounts.logIn(j.subscriber.account(), "wrong-pass-9".toCharArray(), "pc"));
		}
		FormDesk forms = Services.await(FormDesk.class);
		long form = forms.submitPasswordReset(Staff.MAILROOM, j.subscriber.account(), "密碼重新設定申請單（郵寄）");
		forms.decide(Staff.OFFICER, form, Decision.approve());
		NewSubscriber reset = forms.carryOutPasswordReset(Staff.CLERK, form);
		accounts.logIn(j.subscriber.account(), reset.password(), "pc");
		assertEquals(Reason.WRONG_PASSWORD, refused(() -> accounts.logIn(j.subscriber.account(), j.password.toCharArray(), "pc")));
		assertEquals(Reason.WRONG_STATE, refused(() -> forms.carryOutPasswordReset(Staff.CLERK, form)));
	}

	@Test
	void aRejectedFormIsNeverCarriedOut() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		FormDesk forms = Services.await(FormDesk.class);
		long form = forms.submitPasswordReset(Staff.CLERK, j.subscriber.account(), null);
		assertThrows(IllegalArgumentException.class, () -> Decision.reject(" "), "a rejection needs a reason");
		forms.decide(Staff.OFFICER, form, Decision.reject("簽名與留存資料不符"));
		assertEquals(Reason.WRONG_STATE, refused(() -> forms.carryOutPasswordReset(Staff.CLERK, form)));
	}
}
