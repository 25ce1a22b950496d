package radesk.ui.subscriber.certificates;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

import radesk.api.CardAccessException;
import radesk.api.CardReaders;
import radesk.flows.SubscriberCard;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;

/** The personalized cards in this computer's readers, read in a Job (the card layer is never asked on the UI thread). */
final class CardChoice {

	private final CardReaders readers;
	private final Combo card;
	private final Consumer<String> say;

	CardChoice(Composite parent, CardReaders readers, Consumer<String> say) {
		this(parent, readers, say, "certs.card");
	}

	CardChoice(Composite parent, CardReaders readers, Consumer<String> say, String widgetId) {
		this.readers = readers;
		this.say = say;
		card = WidgetIds.name(new Combo(parent, SWT.READ_ONLY), widgetId);
		card.setLayoutData(new GridData(200, SWT.DEFAULT));
	}

	/** {@code afresh}: as re-plugging the reader (a card put back is found). */
	void read(boolean afresh) {
		Job.create(Messages.certs_look_again, monitor -> {
			List<String> cards;
			String problem = null;
			try {
				cards = afresh ? SubscriberCard.afterRescan(readers) : SubscriberCard.inReaders(readers);
			} catch (CardAccessException e) {
				cards = List.of();
				problem = Messages.cardProblem(e, "certs_");
			}
			List<String> found = cards;
			String said = problem;
			card.getDisplay().asyncExec(() -> show(found, said));
			return Status.OK_STATUS;
		}).schedule();
	}

	private void show(List<String> cards, String problem) {
		if (card.isDisposed()) {
			return;
		}
		String before = card.getText();
		card.removeAll();
		cards.forEach(card::add);
		if (problem != null) {
			say.accept(problem);
		}
		if (cards.isEmpty()) {
			card.add(Messages.certs_no_card);
		}
		card.setData(!cards.isEmpty());
		card.select(Math.max(0, card.indexOf(before)));
	}

	/** The serial of the card chosen, or null when no card is in a reader. */
	String chosen() {
		return Boolean.TRUE.equals(card.getData()) ? card.getText() : null;
	}
}
