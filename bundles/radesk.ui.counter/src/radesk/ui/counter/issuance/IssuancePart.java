package radesk.ui.counter.issuance;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import radesk.flows.counter.CounterCardFlows;
import radesk.api.CardReaders;
import radesk.api.staff.CounterIntake;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.IssuanceDesk.Delivery;
import radesk.api.staff.IssuanceDesk.Issuance;
import radesk.api.staff.IssuanceDesk.SlipKind;
import radesk.api.staff.NewCard;
import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationDesk;
import radesk.api.ServiceException;
import radesk.core.registration.IssuanceProgress;
import radesk.core.registration.RaUnit;
import radesk.core.registration.IssuanceProgress.Step;
import radesk.core.registration.RequestState;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;
import radesk.ui.counter.StaffScreen;

/**
 * 註冊與發卡: an approved applicant, step by step — register the account (website password), put a
 * blank card in a reader and personalize it (an Eclipse Job with a progress bar), print the two
 * slips once each, hand the card over or mail it. The secrets live only in this screen's memory
 * until their slip is printed; the preview masks them.
 */
public final class IssuancePart extends StaffScreen {

	private final IssuanceDesk issuance;
	private final RegistrationDesk registration;
	private final CounterCardFlows cards;
	private final CardReaders readers;
	private final CounterIntake intake;
	private final HeldSlips held = new HeldSlips();

	private PendingTable table;
	/** The RA units as of the last refresh: the slips name the applicant's unit (read once, not at every repaint). */
	private List<RaUnit> units = List.of();
	private Button register;
	private PersonalizeStep cardStep;
	private Button printPassword;
	private Button printPin;
	private SlipPreview preview;
	private HandOverGroup hand;
	private Label outcome;
	private boolean busy;

	@Inject
	public IssuancePart(IssuanceDesk issuance, RegistrationDesk registration, CounterCardFlows cards, CardReaders readers,
			CounterIntake intake) {
		this.issuance = issuance;
		this.registration = registration;
		this.cards = cards;
		this.readers = readers;
		this.intake = intake;
	}

	@Override
	protected org.eclipse.swt.widgets.Control shown() {
		return table == null ? null : table.table;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(2, false));
		Composite left = new Composite(parent, SWT.NONE);
		left.setLayout(new GridLayout(4, false));
		left.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

		Label heading = new Label(left, SWT.NONE);
		heading.setText(Messages.issue_heading);
		heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		Button refresh = button(left, "issuance.refresh", Messages.issue_refresh);
		refresh.addListener(SWT.Selection, e -> refresh());
		table = new PendingTable(left, this::selectionChanged);

		// 1 register
		register = button(left, "issuance.register", Messages.issue_register);
		register.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 4, 1));
		register.addListener(SWT.Selection, e -> register());

		// 2 personalize a blank card
		cardStep = new PersonalizeStep(left, readers, cards, this::personalize, this::say);

		// 3 the slips
		printPassword = button(left, "issuance.printPassword", Messages.issue_print_password);
		printPassword.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
		printPassword.addListener(SWT.Selection, e -> print(SlipKind.WEBSITE_PASSWORD));
		printPin = button(left, "issuance.printPin", Messages.issue_print_pin);
		printPin.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
		printPin.addListener(SWT.Selection, e -> print(SlipKind.CARD_PIN));

		// 4 hand-over
		hand = new HandOverGroup(left, this::handOver);

		outcome = WidgetIds.name(new Label(left, SWT.WRAP), "issuance.outcome");
		GridData outcomeData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
		outcomeData.widthHint = 480;
		outcome.setLayoutData(outcomeData);

		preview = new SlipPreview(parent, () -> held.previewed(table.selected()), h -> HeldSlips.toSlip(h, units, Instant.now()));

		cardStep.readReaders();
		refresh();
	}

	@PreDestroy
	void forgetSecrets() {
		held.forgetAll();
	}

	@Override
	protected void refresh() {
		List<Issuance> pending;
		try {
			pending = actor == null ? List.of() : issuance.pending(actor);
		} catch (ServiceException e) {
			pending = List.of();
			say(Messages.refusal(e));
		}
		units = intake.raUnits();
		table.show(pending);
		selectionChanged();
	}

	/** What may be done for the chosen applicant: {@link IssuanceProgress}, the rule the service holds too. */
	private void selectionChanged() {
		Issuance i = table.selected();
		Set<Step> open = i == null || busy ? Set.of()
				: new IssuanceProgress(i.request().state(), i.cardState(), i.passwordSlipPrinted(), i.pinSlipPrinted()).open();
		register.setEnabled(open.contains(Step.REGISTER));
		cardStep.personalize.setEnabled(open.contains(Step.PERSONALIZE));
		printPassword.setEnabled(open.contains(Step.PRINT_PASSWORD_SLIP) && held.has(i.passwordSlipSubject()));
		printPin.setEnabled(open.contains(Step.PRINT_PIN_SLIP) && held.has(i.pinSlipSubject()));
		hand.handOver.setEnabled(open.contains(Step.HAND_OVER));
		if (i != null) {
			hand.chosen(i.request().id(), i.request().applicantName());
		}
		if (i != null && i.request().state() == RequestState.REGISTERED) {
			String gone = held.gone(i);
			if (gone != null) {
				say(gone);
			}
		}
		preview.update();
	}

	/** Registers the account in a Job (the RA hashes the new password with Argon2id, or the server does). */
	private void register() {
		Issuance i = table.selected();
		if (i == null) {
			return;
		}
		busy = true;
		selectionChanged();
		org.eclipse.swt.widgets.Display display = table.table.getDisplay();
		Job job = Job.create(Messages.issue_register, monitor -> {
			try {
				NewSubscriber s = registration.register(actor, i.request().id());
				display.asyncExec(() -> registered(i, s, null));
			} catch (ServiceException e) {
				display.asyncExec(() -> registered(i, null, Messages.refusal(e)));
			} catch (RuntimeException e) {
				display.asyncExec(() -> registered(i, null, NLS.bind(Messages.refused_other, "INTERNAL")));
				throw e; // the Job's failure goes to the workspace log
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
	}

	private void registered(Issuance i, NewSubscriber s, String refused) {
		busy = false;
		if (table.table.isDisposed()) {
			if (s != null) {
				s.forget();
			}
			return;
		}
		if (s != null) {
			held.keep(new HeldSlips.Held(SlipKind.WEBSITE_PASSWORD, "subscriber:" + s.subscriberId(), s.account(),
					i.request().applicantName(), i.address(), i.request().raUnit(), s.password()));
			say(NLS.bind(Messages.issue_registered, i.request().applicantName(), s.account()));
		} else {
			say(refused);
		}
		refresh();
	}

	private void personalize() {
		Issuance i = table.selected();
		if (i == null || i.subscriberId() == null) {
			return;
		}
		long slotId = cardStep.chosenSlot();
		if (slotId < 0) {
			say(Messages.issue_no_card);
			return;
		}
		String name = i.request().applicantName();
		String unit = i.request().raUnit();
		String address = i.address();
		busy = true;
		selectionChanged();
		say(NLS.bind(Messages.issue_personalizing, name));
		cardStep.start(actor, i.subscriberId(), slotId, new PersonalizeStep.Outcome() {
			@Override
			public void personalized(NewCard card) {
				busy = false;
				if (table.table.isDisposed()) {
					card.forget();
					return;
				}
				held.keep(new HeldSlips.Held(SlipKind.CARD_PIN, "card:" + card.serial(), card.serial(), name, address, unit,
						card.pin()));
				say(NLS.bind(Messages.issue_personalized, card.serial(), name));
				refresh();
			}

			@Override
			public void refused(String words) {
				busy = false;
				if (!table.table.isDisposed()) {
					say(words);
					refresh();
				}
			}
		});
	}

	private void print(SlipKind kind) {
		Issuance i = table.selected();
		if (i == null) {
			return;
		}
		String subject = kind == SlipKind.CARD_PIN ? i.pinSlipSubject() : i.passwordSlipSubject();
		HeldSlips.Held slip = held.get(subject);
		if (slip == null) {
			say(kind == SlipKind.CARD_PIN ? Messages.issue_pin_gone : Messages.issue_password_gone);
			return;
		}
		SlipPrinting.Outcome printed = SlipPrinting.print(table.table.getShell(),
				kind == SlipKind.CARD_PIN ? Messages.issue_slip_pin : Messages.issue_slip_password, HeldSlips.toSlip(slip, units, Instant.now()));
		if (printed != SlipPrinting.Outcome.PRINTED) {
			say(printed == SlipPrinting.Outcome.CANCELLED ? Messages.issue_print_cancelled : Messages.issue_print_failed);
			return;
		}
		try {
			issuance.slipPrinted(actor, kind, subject);
			say(NLS.bind(Messages.issue_printed, kind == SlipKind.CARD_PIN ? Messages.issue_slip_pin : Messages.issue_slip_password));
		} catch (ServiceException e) {
			say(Messages.refusal(e));
		} finally {
			held.printed(subject);
		}
		refresh();
	}

	private void handOver() {
		Issuance i = table.selected();
		if (i == null || i.cardSerial() == null) {
			return;
		}
		Delivery delivery = hand.delivery();
		try {
			issuance.handOver(actor, i.cardSerial(), delivery);
			say(NLS.bind(delivery.method() == Delivery.Method.MAIL ? Messages.issue_mailed : Messages.issue_handed_over,
					new Object[] { i.cardSerial(), delivery.recipient(), delivery.trackingNumber().toUpperCase(Locale.ROOT) }));
			hand.done();
		} catch (ServiceException e) {
			say(Messages.refusal(e));
		}
		refresh();
	}

	private void say(String text) {
		outcome.setText(text);
		outcome.getParent().layout();
	}
}
