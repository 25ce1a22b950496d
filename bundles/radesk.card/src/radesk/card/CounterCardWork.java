package radesk.card;

import java.util.function.Consumer;

import radesk.api.CardAccessException;
import radesk.api.CardDesk;
import radesk.api.CardSecrets;
import radesk.api.FormDesk;
import radesk.api.NewCard;
import radesk.api.ServiceException;
import radesk.core.Checkpoints;
import radesk.core.access.Actor;

/**
 * The counter's card work, the same whether the RA service runs in this process or on the RA
 * server (connected mode): the records' half from the service, the card's half in this
 * workstation's reader. Each step is recorded before the card is touched, so a pulled card or a
 * crash leaves a state the next attempt completes with the same card and SO PIN.
 */
public final class CounterCardWork {

	private CounterCardWork() {
	}

	/** 晶片卡個人化: the card's record, the card written in {@code slotId}, the card recorded as personalized. */
	public static NewCard personalize(CardDesk records, CardTerminal terminal, Actor clerk, long subscriberId, long slotId,
			Consumer<CardDesk.Step> progress) throws ServiceException {
		progress.accept(CardDesk.Step.RECORDING);
		CardSecrets card = records.beginPersonalization(clerk, subscriberId);
		Checkpoints.reached("personalize.recorded");
		progress.accept(CardDesk.Step.WRITING_CARD);
		try {
			terminal.personalize(slotId, card.serial(), card.soPin(), card.userPin());
		} catch (CardAccessException e) {
			java.util.Arrays.fill(card.userPin(), '\0');
			throw ServiceException.of(e);
		} finally {
			card.forgetSoPin();
		}
		Checkpoints.reached("personalize.on-card");
		progress.accept(CardDesk.Step.CONFIRMING);
		records.confirmPersonalized(clerk, card.serial());
		return new NewCard(card.serial(), card.userPin());
	}

	/** An approved PIN unlock carried out: the card unlocked with its SO PIN and given a new user PIN. */
	public static NewCard unlock(FormDesk records, CardTerminal terminal, Actor clerk, long formId) throws ServiceException {
		CardSecrets card = records.beginPinUnlock(clerk, formId);
		try {
			terminal.unlock(card.serial(), card.soPin(), card.userPin());
		} catch (CardAccessException e) {
			java.util.Arrays.fill(card.userPin(), '\0');
			throw ServiceException.of(e);
		} finally {
			card.forgetSoPin();
		}
		records.confirmPinUnlock(clerk, formId);
		return new NewCard(card.serial(), card.userPin());
	}
}
