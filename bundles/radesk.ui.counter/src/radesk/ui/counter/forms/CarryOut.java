package radesk.ui.counter.forms;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
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
import radesk.ui.counter.Messages;
import radesk.ui.counter.issuance.SlipPrinting;

/**
 * An approved 晶片卡解鎖 or 網站密碼重設 carried out and its new slip printed at once: the card unlocked
 * in the reader (or the password made, Argon2id) in a Job, off the UI thread; the print dialog on it.
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

	/** {@code say} and {@code done} are called on the UI thread of {@code shell}. */
	void run(Shell shell, Actor actor, FormItem f, Consumer<String> say, Runnable done) {
		Job.create(Messages.text("forms_kind_" + f.kind()), monitor -> {
			try {
				Slip slip = secretSlip(actor, f);
				shell.getDisplay().asyncExec(() -> print(shell, actor, f, slip, say, done));
			} catch (ServiceException e) {
				String words = Messages.refusal(e);
				shell.getDisplay().asyncExec(() -> {
					say.accept(words);
					done.run();
				});
			}
			return Status.OK_STATUS;
		}).schedule();
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

	private void print(Shell shell, Actor actor, FormItem f, Slip slip, Consumer<String> say, Runnable done) {
		try {
			if (shell.isDisposed()) {
				return;
			}
			SlipPrinting.Outcome printed;
			do {
				printed = SlipPrinting.print(shell, Messages.text("forms_kind_" + f.kind()), slip);
			} while (printed == SlipPrinting.Outcome.FAILED);
			if (printed == SlipPrinting.Outcome.PRINTED) {
				issuance.slipPrinted(actor, f.kind() == FormKind.PIN_UNLOCK ? SlipKind.CARD_PIN : SlipKind.WEBSITE_PASSWORD,
						"form:" + f.id());
				say.accept(NLS.bind(Messages.forms_carried_out, f.id(), f.holder()));
			} else {
				say.accept(Messages.forms_slip_lost);
			}
		} catch (ServiceException e) {
			say.accept(Messages.refusal(e));
		} finally {
			Arrays.fill(slip.secret(), '\0');
		}
		done.run();
	}
}
