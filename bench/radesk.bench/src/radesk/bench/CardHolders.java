package radesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.api.staff.CardDesk;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.IssuanceDesk.Delivery;
import radesk.api.staff.IssuanceDesk.SlipKind;
import radesk.api.staff.NewCard;
import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.flows.counter.PersonalizeCard;
import radesk.testing.OsgiServices;
import radesk.testing.SoftHsm;
import radesk.testing.TestIds;

/**
 * Subscribers carried through the counter as a walk-in is (form, review, account, a SoftHSM2 card
 * personalized, slips, hand-over), each with a card in hand and no certificate yet.
 */
final class CardHolders {

	record Holder(String account, String password, String cardSerial, String pin) {
	}

	private static final Actor CLERK = new Actor("bench.clerk", Role.COUNTER_CLERK, "bench-1");
	private static final Actor OFFICER = new Actor("bench.officer", Role.RA_OFFICER, "bench-2");
	private final CardTerminal terminal;
	private final CardReaders readers;

	CardHolders(CardTerminal terminal, CardReaders readers) {
		this.terminal = terminal;
		this.readers = readers;
	}

	CardTerminal terminal() {
		return terminal;
	}

	List<Holder> make(int n) throws Exception {
		RegistrationDesk desk = OsgiServices.await(RegistrationDesk.class);
		IssuanceDesk issuance = OsgiServices.await(IssuanceDesk.class);
		List<Holder> made = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			RegistrationSummary form = desk.submitWalkIn(CLERK, new WalkInForm("壓力測試", TestIds.nationalId(),
					"so-" + UUID.randomUUID().toString().substring(0, 8) + "@example.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY));
			desk.decide(OFFICER, form.id(), Decision.approve());
			NewSubscriber subscriber = desk.register(CLERK, form.id());
			SoftHsm.demoCardSerial(); // a blank token in the reader
			long slot = readers.rescan().stream().filter(s -> s.cardPresent() && !s.initialized()).map(CardSlot::slotId).findFirst()
					.orElseThrow(() -> new IllegalStateException("no blank SoftHSM2 token"));
			NewCard card = new PersonalizeCard(OsgiServices.await(CardDesk.class), terminal).run(CLERK, subscriber.subscriberId(), slot);
			issuance.slipPrinted(CLERK, SlipKind.CARD_PIN, "card:" + card.serial());
			issuance.slipPrinted(CLERK, SlipKind.WEBSITE_PASSWORD, "subscriber:" + subscriber.subscriberId());
			issuance.handOver(CLERK, card.serial(), new Delivery(Delivery.Method.COUNTER, "壓力測試", "", false));
			made.add(new Holder(subscriber.account(), new String(subscriber.password()), card.serial(), new String(card.pin())));
		}
		return made;
	}
}
