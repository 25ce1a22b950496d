package radesk.ui.counter.issuance;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

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
import radesk.core.registration.IssuanceProgress.Step;
import radesk.core.registration.RequestState;
import radesk.core.access.Actor;
import radesk.ui.common.Background;
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
	private Button register;
	private PersonalizeStep cardStep;
	private Button printPassword;
	private Button printPin;
	private SlipPreview preview;
	private HandOverGroup hand;
	private Label outcome;
	private Button refreshButton;
	private boolean busy;
	private final radesk.api.EmailDesk emailDesk;
	private EmailCheck email;

	@Inject
	public IssuancePart(IssuanceDesk issuance, RegistrationDesk registration, CounterCardFlows cards, CardReaders readers,
			CounterIntake intake, radesk.api.EmailDesk emailDesk) {
		this.emailDesk = emailDesk;
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
		refreshButton = button(left, "issuance.refresh", Messages.issue_refresh);
		refreshButton.addListener(SWT.Selection, e -> refresh());
		table = new PendingTable(left, this::selectionChanged, issuance, intake);

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
		email = new EmailCheck(left, emailDesk, () -> actor, table::selected, this::say);

		outcome = WidgetIds.name(new Label(left, SWT.WRAP), "issuance.outcome");
		GridData outcomeData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
		outcomeData.widthHint = 480;
		outcome.setLayoutData(outcomeData);

		preview = new SlipPreview(parent, () -> held.previewed(table.selected()), h -> HeldSlips.toSlip(h, table.units(), Instant.now()));

		cardStep.readReaders();
		refresh();
	}

	@PreDestroy
	void forgetSecrets() {
		held.forgetAll();
	}

	@Override
	protected void refresh() {
		refresh(null);
	}

	/** Reads the applicants again in a Job; {@code said}, when given, is shown once they are (a refusal instead). */
	private void refresh(String said) {
		table.read(actor, refreshButton, refused -> {
			selectionChanged();
			String words = refused != null ? refused : said;
			if (words != null) {
				say(words);
			}
		});
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
		if (email != null) {
			email.show();
		}
	}

	/** Registers the account in a Job (the RA hashes the new password with Argon2id, or the server does). */
	private void register() {
		Issuance i = table.selected();
		if (i == null) {
			return;
		}
		busy = true;
		selectionChanged();
		Actor who = actor;
		Background.of(table.table, Messages.issue_register).user().unclaimed(NewSubscriber::forget)
				.onFailure(e -> stepEnded(NLS.bind(Messages.refused_other, "INTERNAL")))
				.run(() -> registration.register(who, i.request().id()), s -> {
					held.keep(new HeldSlips.Held(SlipKind.WEBSITE_PASSWORD, "subscriber:" + s.subscriberId(), s.account(),
							i.request().applicantName(), i.address(), i.request().raUnit(), s.password()));
					stepEnded(NLS.bind(Messages.issue_registered, i.request().applicantName(), s.account()));
				}, e -> stepEnded(Messages.refusal(e)));
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
				refresh(NLS.bind(Messages.issue_personalized, card.serial(), name));
			}

			@Override
			public void refused(String words) {
				busy = false;
				if (!table.table.isDisposed()) {
					refresh(words);
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
		// SWT printing (PrintDialog, Printer, GC) stays on the UI thread: on GTK it calls GTK, which is not
		// thread-safe. Only the recording of the print, a call to the RA service, runs as a Job.
		String title = kind == SlipKind.CARD_PIN ? Messages.issue_slip_pin : Messages.issue_slip_password;
		SlipPrinting.Outcome printed = SlipPrinting.print(table.table.getShell(), title, HeldSlips.toSlip(slip, table.units(), Instant.now()));
		if (printed != SlipPrinting.Outcome.PRINTED) {
			say(printed == SlipPrinting.Outcome.CANCELLED ? Messages.issue_print_cancelled : Messages.issue_print_failed);
			return;
		}
		held.printed(subject); // printed once: the secret leaves this screen whatever the service says
		Actor who = actor;
		step(Messages.text("job_slip_printed"), () -> {
			issuance.slipPrinted(who, kind, subject);
			return NLS.bind(Messages.issue_printed, title);
		}, () -> {
		});
	}

	private void handOver() {
		Issuance i = table.selected();
		if (i == null || i.cardSerial() == null) {
			return;
		}
		Delivery delivery = hand.delivery();
		Actor who = actor;
		step(Messages.text("job_hand_over"), () -> {
			issuance.handOver(who, i.cardSerial(), delivery);
			return NLS.bind(delivery.method() == Delivery.Method.MAIL ? Messages.issue_mailed : Messages.issue_handed_over,
					new Object[] { i.cardSerial(), delivery.recipient(), delivery.trackingNumber().toUpperCase(Locale.ROOT) });
		}, hand::done);
	}

	/** A step's call in a Job, the steps off meanwhile; then {@code done} and the list again, with what the call said. */
	private void step(String job, Background.Call<String, ServiceException> call, Runnable done) {
		busy = true;
		selectionChanged();
		Background.of(table.table, job).user().onFailure(e -> stepEnded(null)).run(call, said -> {
			done.run();
			stepEnded(said);
		}, e -> stepEnded(Messages.refusal(e)));
	}

	private void stepEnded(String said) {
		busy = false;
		refresh(said);
	}

	private void say(String text) {
		outcome.setText(text);
		outcome.getParent().layout();
	}
}
