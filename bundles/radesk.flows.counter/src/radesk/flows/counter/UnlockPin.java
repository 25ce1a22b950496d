package radesk.flows.counter;

import radesk.api.ServiceException;
import radesk.api.staff.CardSecrets;
import radesk.api.staff.FormDesk;
import radesk.api.staff.NewCard;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;

/**
 * 晶片卡解鎖 (FLOWS 6.2), an approved PIN unlock carried out at the counter: the card's SO PIN and
 * a new PIN from the RA, the card in this workstation's reader unlocked with them, the unlock
 * recorded. A card personalized before cards were bound to requests makes its authentication key
 * now (the counter visit that brings it along), and the RA records it. The RA hands the SO PIN out
 * once per form: a run cut off after that is a new form.
 */
public final class UnlockPin {

	private final FormDesk records;
	private final CardTerminal terminal;

	public UnlockPin(FormDesk records, CardTerminal terminal) {
		this.records = records;
		this.terminal = terminal;
	}

	/** The card of the approved form {@code formId} unlocked; its new PIN for the slip, once. */
	public NewCard run(Actor clerk, long formId) throws ServiceException {
		CardSecrets card = records.beginPinUnlock(clerk, formId);
		byte[] authenticationKey = SecretsOnCard.write(card, c -> {
			terminal.unlock(c.serial(), c.soPin(), c.userPin());
			return SecretsOnCard.bind(terminal, c);
		});
		records.confirmPinUnlock(clerk, formId, authenticationKey);
		return new NewCard(card.serial(), card.userPin());
	}
}
