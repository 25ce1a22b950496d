package radesk.flows.counter;

import java.util.function.Consumer;

import radesk.api.ServiceException;
import radesk.api.staff.CardDesk;
import radesk.api.staff.CardSecrets;
import radesk.api.staff.NewCard;
import radesk.card.CardTerminal;
import radesk.core.Checkpoints;
import radesk.core.access.Actor;

/**
 * 晶片卡個人化 (FLOWS 4.1), the same at an embedded and a connected counter: the card's record
 * and its SO PIN from the RA ({@link CardDesk#beginPersonalization}), the card written in this
 * workstation's reader (its PINs, and its authentication key made on it: the key every later
 * certificate request of the card is signed by), the card recorded as personalized with that
 * key's public half. Each step is recorded before the card
 * is touched; after a cut-off (card pulled, crash, lost answer) the next run asks the RA again,
 * which hands back the same card record and SO PIN, so the card is finished, never made twice.
 */
public final class PersonalizeCard {

	private final CardDesk records;
	private final CardTerminal terminal;

	public PersonalizeCard(CardDesk records, CardTerminal terminal) {
		this.records = records;
		this.terminal = terminal;
	}

	/** The card in {@code slotId} personalized for the subscriber; its new PIN for the slip, once. */
	public NewCard run(Actor clerk, long subscriberId, long slotId, Consumer<CardDesk.Step> progress) throws ServiceException {
		progress.accept(CardDesk.Step.RECORDING);
		CardSecrets card = records.beginPersonalization(clerk, subscriberId);
		Checkpoints.reached("personalize.recorded");
		progress.accept(CardDesk.Step.WRITING_CARD);
		byte[] authenticationKey = SecretsOnCard.write(card, c -> {
			terminal.personalize(slotId, c.serial(), c.soPin(), c.userPin());
			return SecretsOnCard.bind(terminal, c);
		});
		Checkpoints.reached("personalize.on-card");
		progress.accept(CardDesk.Step.CONFIRMING);
		records.confirmPersonalized(clerk, card.serial(), authenticationKey);
		return new NewCard(card.serial(), card.userPin());
	}

	public NewCard run(Actor clerk, long subscriberId, long slotId) throws ServiceException {
		return run(clerk, subscriberId, slotId, step -> {
		});
	}
}
