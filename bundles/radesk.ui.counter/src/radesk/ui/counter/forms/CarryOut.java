package radesk.ui.counter.forms;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;

import radesk.api.ServiceException;
import radesk.api.staff.FormDesk;
import radesk.api.staff.FormDesk.FormItem;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.IssuanceDesk.SlipKind;
import radesk.api.staff.NewCard;
import radesk.api.staff.NewSubscriber;
import radesk.core.access.Actor;
import radesk.core.review.FormKind;
import radesk.flows.counter.CounterCardFlows;
import radesk.slips.PostalAddress;
import radesk.slips.Slip;
import radesk.ui.common.Background;
import radesk.ui.counter.Messages;
import radesk.ui.counter.issuance.SlipPrinting;

/**
 * An approved 晶片卡解鎖 or 網站密碼重設 carried out and its new slip printed at once: the card unlocked
 * in the reader (or the password made, Argon2id) in a Job, off the UI thread; the print dialog on it, and
 * the print recorded in a Job again.
 * The secret exists only between the two, so the slip must come out now.
 */
final class CarryOut {

	private final FormDesk forms;
	private final CounterCardFlows cards;
	private final IssuanceDesk issuance;

	CarryOut(FormDesk forms, CounterCardFlows cards, IssuanceDesk issuance) {
		this.forms = forms;
		this.cards = cards;
		this.issuance = issuance;
	}

	/** {@code ended} hears what to say, on the UI thread of {@code shell}. */
	void run(Shell shell, Actor actor, FormItem f, Consumer<String> ended) {
		Background.of(shell, Messages.text("forms_kind_" + f.kind())).user().unclaimed((Slip slip) -> Arrays.fill(slip.secret(), '\0'))
				.onFailure(e -> ended.accept(null))
				.run(() -> secretSlip(actor, f), slip -> print(shell, actor, f, slip, ended), e -> ended.accept(Messages.refusal(e)));
	}

	private Slip secretSlip(Actor actor, FormItem f) throws ServiceException {
		if (f.kind() == FormKind.PIN_UNLOCK) {
			NewCard card = cards.unlockPin(actor, f.id());
			return new Slip(Slip.Kind.CARD_PIN, Messages.forms_ra_name, f.holder(), PostalAddress.windowLines(f.holderAddress()),
					card.serial(), card.pin(), Instant.now());
		}
		NewSubscriber account = forms.carryOutPasswordReset(actor, f.id());
		return new Slip(Slip.Kind.WEBSITE_PASSWORD, Messages.forms_ra_name, f.holder(), PostalAddress.windowLines(f.holderAddress()),
				account.account(), account.password(), Instant.now());
	}

	private void print(Shell shell, Actor actor, FormItem f, Slip slip, Consumer<String> ended) {
		// SWT printing (PrintDialog, Printer, GC) stays on the UI thread: on GTK it calls GTK, which is not
		// thread-safe. Only the recording of the print, a call to the RA service, runs as a Job.
		SlipPrinting.Outcome printed;
		try {
			do {
				printed = SlipPrinting.print(shell, Messages.text("forms_kind_" + f.kind()), slip);
			} while (printed == SlipPrinting.Outcome.FAILED);
		} finally {
			Arrays.fill(slip.secret(), '\0');
		}
		if (printed != SlipPrinting.Outcome.PRINTED) {
			ended.accept(Messages.forms_slip_lost);
			return;
		}
		SlipKind kind = f.kind() == FormKind.PIN_UNLOCK ? SlipKind.CARD_PIN : SlipKind.WEBSITE_PASSWORD;
		Background.of(shell, Messages.text("job_slip_printed")).user().onFailure(e -> ended.accept(null)).run(() -> {
			issuance.slipPrinted(actor, kind, "form:" + f.id());
			return Boolean.TRUE;
		}, recorded -> ended.accept(NLS.bind(Messages.forms_carried_out, f.id(), f.holder())), e -> ended.accept(Messages.refusal(e)));
	}
}
