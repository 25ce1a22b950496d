package radesk.ui.counter;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Combo;

import radesk.api.CardAccessException;
import radesk.api.CardReaders;
import radesk.api.CardSlot;

/** A combo of this workstation's card readers and what each holds, as the counter's card screens show it. */
public final class ReaderSlots {

	private ReaderSlots() {
	}

	/**
	 * Fills {@code combo} afresh, the first blank card chosen; the slots in the combo's order (none when
	 * the readers cannot be read: {@code say} is told why).
	 */
	public static List<CardSlot> fill(Combo combo, CardReaders readers, Consumer<String> say) {
		combo.removeAll();
		List<CardSlot> slots;
		try {
			slots = readers.slots();
		} catch (CardAccessException e) {
			slots = List.of();
			say.accept(Messages.cardProblem(e.reason()));
		}
		int blank = -1;
		for (CardSlot s : slots) {
			String card = !s.cardPresent() ? Messages.issue_reader_empty
					: s.initialized() ? NLS.bind(Messages.issue_reader_card, s.tokenLabel()) : Messages.issue_reader_blank;
			combo.add(s.reader() + " \u2014 " + card);
			if (blank < 0 && s.cardPresent() && !s.initialized()) {
				blank = combo.getItemCount() - 1;
			}
		}
		combo.select(Math.max(0, blank));
		return slots;
	}
}
