package radesk.ui.counter.issuance;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import radesk.api.CardAccessException;
import radesk.flows.counter.CounterCardFlows;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.api.staff.CounterIntake;
import radesk.api.staff.IssuanceDesk;
import radesk.api.staff.IssuanceDesk.Delivery;
import radesk.api.staff.IssuanceDesk.Issuance;
import radesk.api.staff.IssuanceDesk.SlipKind;
import radesk.api.staff.NewCard;
import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationDesk;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.card.CardState;
import radesk.core.registration.RaUnit;
import radesk.core.registration.RequestState;
import radesk.slips.Slip;
import radesk.slips.SlipLayout;
import radesk.ui.common.ProgressInPart;
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

	/** A secret made by the service and not printed yet. */
	private record Held(SlipKind kind, String subject, String reference, String recipient, String address, String raUnit,
			char[] secret) {
	}

	private final IssuanceDesk issuance;
	private final RegistrationDesk registration;
	private final CounterCardFlows cards;
	private final CardReaders readers;
	private final CounterIntake intake;
	private final Map<String, Held> held = new HashMap<>();

	private List<Issuance> shown = List.of();
	private List<CardSlot> slots = List.of();
	private Table table;
	private Button register;
	private Combo reader;
	private Button personalize;
	private ProgressBar progress;
	private Label step;
	private Button printPassword;
	private Button printPin;
	private Label previewTitle;
	private Canvas preview;
	private Button byCounter;
	private Button byMail;
	private Text recipient;
	private Text tracking;
	private Button readerSold;
	private Button handOver;
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
		return table;
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
		table = WidgetIds.name(new Table(left, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "issuance.table");
		table.setHeaderVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
		tableData.heightHint = 160;
		table.setLayoutData(tableData);
		for (String title : new String[] { Messages.column_id, Messages.column_name, Messages.column_nationalId,
				Messages.column_state, Messages.issue_column_account, Messages.issue_column_card, Messages.issue_column_slips }) {
			new TableColumn(table, SWT.LEFT).setText(title);
		}
		table.addListener(SWT.Selection, e -> selectionChanged());

		// 1 register
		register = button(left, "issuance.register", Messages.issue_register);
		register.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 4, 1));
		register.addListener(SWT.Selection, e -> register());

		// 2 personalize a blank card
		new Label(left, SWT.NONE).setText(Messages.issue_reader);
		reader = WidgetIds.name(new Combo(left, SWT.READ_ONLY), "issuance.reader");
		reader.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Button rescan = button(left, "issuance.readers.refresh", Messages.issue_readers_refresh);
		rescan.addListener(SWT.Selection, e -> readReaders());
		personalize = button(left, "issuance.personalize", Messages.issue_personalize);
		personalize.addListener(SWT.Selection, e -> personalize());
		progress = WidgetIds.name(new ProgressBar(left, SWT.HORIZONTAL | SWT.SMOOTH), "issuance.progress");
		progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		step = WidgetIds.name(new Label(left, SWT.NONE), "issuance.step");
		step.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

		// 3 the slips
		printPassword = button(left, "issuance.printPassword", Messages.issue_print_password);
		printPassword.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
		printPassword.addListener(SWT.Selection, e -> print(SlipKind.WEBSITE_PASSWORD));
		printPin = button(left, "issuance.printPin", Messages.issue_print_pin);
		printPin.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false, 2, 1));
		printPin.addListener(SWT.Selection, e -> print(SlipKind.CARD_PIN));

		// 4 hand-over
		Group hand = new Group(left, SWT.NONE);
		hand.setText(Messages.issue_hand_over_group);
		hand.setLayout(new GridLayout(4, false));
		hand.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		byCounter = WidgetIds.name(new Button(hand, SWT.RADIO), "issuance.method.counter");
		byCounter.setText(Messages.issue_method_counter);
		byCounter.setSelection(true);
		byMail = WidgetIds.name(new Button(hand, SWT.RADIO), "issuance.method.mail");
		byMail.setText(Messages.issue_method_mail);
		readerSold = WidgetIds.name(new Button(hand, SWT.CHECK), "issuance.readerSold");
		readerSold.setText(Messages.issue_reader_sold);
		readerSold.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
		new Label(hand, SWT.NONE).setText(Messages.issue_recipient);
		recipient = WidgetIds.name(new Text(hand, SWT.BORDER), "issuance.recipient");
		recipient.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(hand, SWT.NONE).setText(Messages.issue_tracking);
		tracking = WidgetIds.name(new Text(hand, SWT.BORDER), "issuance.tracking");
		tracking.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		handOver = button(hand, "issuance.handOver", Messages.issue_hand_over);
		handOver.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 4, 1));
		handOver.addListener(SWT.Selection, e -> handOver());
		byMail.addListener(SWT.Selection, e -> tracking.setEnabled(byMail.getSelection()));
		byCounter.addListener(SWT.Selection, e -> tracking.setEnabled(byMail.getSelection()));
		tracking.setEnabled(false);

		outcome = WidgetIds.name(new Label(left, SWT.WRAP), "issuance.outcome");
		GridData outcomeData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
		outcomeData.widthHint = 480;
		outcome.setLayoutData(outcomeData);

		Composite right = new Composite(parent, SWT.NONE);
		right.setLayout(new GridLayout(1, false));
		right.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
		previewTitle = WidgetIds.name(new Label(right, SWT.WRAP), "issuance.previewTitle");
		GridData titleData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		titleData.widthHint = 300;
		previewTitle.setLayoutData(titleData);
		preview = WidgetIds.name(new Canvas(right, SWT.BORDER | SWT.DOUBLE_BUFFERED), "issuance.preview");
		GridData previewData = new GridData(SWT.CENTER, SWT.TOP, false, true);
		previewData.widthHint = 300;
		previewData.heightHint = (int) (300 * SlipLayout.PAGE_HEIGHT_MM / SlipLayout.PAGE_WIDTH_MM);
		preview.setLayoutData(previewData);
		preview.addPaintListener(e -> paintPreview(e.gc));

		readReaders();
		refresh();
	}

	@PreDestroy
	void forgetSecrets() {
		held.values().forEach(h -> Arrays.fill(h.secret(), '\0'));
		held.clear();
	}

	@Override
	protected void refresh() {
		int keep = table.getSelectionIndex();
		long keepId = keep >= 0 && keep < shown.size() ? shown.get(keep).request().id() : -1;
		table.removeAll();
		try {
			shown = actor == null ? List.of() : issuance.pending(actor);
		} catch (ServiceException e) {
			shown = List.of();
			say(Messages.refusal(e));
		}
		for (Issuance i : shown) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { Long.toString(i.request().id()), i.request().applicantName(), i.request().maskedNationalId(),
					Messages.text("state_" + i.request().state()), i.account() == null ? "" : i.account(),
					i.cardSerial() == null ? "" : i.cardSerial() + " (" + Messages.text("card_state_" + i.cardState()) + ")",
					slipsText(i) });
			if (i.request().id() == keepId) {
				table.setSelection(item);
			}
		}
		for (TableColumn c : table.getColumns()) {
			c.pack();
		}
		if (table.getSelectionIndex() < 0 && !shown.isEmpty()) {
			table.setSelection(0);
		}
		selectionChanged();
	}

	private String slipsText(Issuance i) {
		StringBuilder s = new StringBuilder();
		if (i.passwordSlipPrinted()) {
			s.append(Messages.issue_slip_password_done);
		}
		if (i.pinSlipPrinted()) {
			s.append(s.length() == 0 ? "" : ", ").append(Messages.issue_slip_pin_done);
		}
		return s.toString();
	}

	private Issuance selected() {
		int i = table.getSelectionIndex();
		return i < 0 || i >= shown.size() ? null : shown.get(i);
	}

	private void selectionChanged() {
		Issuance i = selected();
		boolean registered = i != null && i.request().state() == RequestState.REGISTERED;
		register.setEnabled(!busy && i != null && i.request().state() == RequestState.APPROVED);
		personalize.setEnabled(!busy && registered && (i.cardSerial() == null || i.cardState() == CardState.BLANK));
		boolean cardReady = registered && i.cardState() == CardState.PERSONALIZED;
		printPassword.setEnabled(!busy && registered && !i.passwordSlipPrinted() && held.containsKey(i.passwordSlipSubject()));
		printPin.setEnabled(!busy && cardReady && !i.pinSlipPrinted() && held.containsKey(i.pinSlipSubject()));
		handOver.setEnabled(!busy && cardReady && i.pinSlipPrinted() && i.passwordSlipPrinted());
		if (i != null && !Long.valueOf(i.request().id()).equals(recipient.getData("for"))) {
			recipient.setText(i.request().applicantName());
			recipient.setData("for", i.request().id());
		}
		if (i != null && registered) {
			String gone = goneSecrets(i);
			if (gone != null) {
				say(gone);
			}
		}
		preview.redraw();
		previewTitle.setText(previewed() == null ? Messages.issue_preview_none
				: NLS.bind(Messages.issue_preview_of, previewed().kind() == SlipKind.CARD_PIN ? Messages.issue_slip_pin
						: Messages.issue_slip_password));
		previewTitle.getParent().layout();
	}

	/** A slip not printed whose secret is not in this screen (another workstation, a restart): say the way out. */
	private String goneSecrets(Issuance i) {
		if (!i.passwordSlipPrinted() && !held.containsKey(i.passwordSlipSubject())) {
			return Messages.issue_password_gone;
		}
		if (i.cardState() == CardState.PERSONALIZED && !i.pinSlipPrinted() && !held.containsKey(i.pinSlipSubject())) {
			return Messages.issue_pin_gone;
		}
		return null;
	}

	/** The slip the preview shows: the selected applicant's first one not printed yet. */
	private Held previewed() {
		Issuance i = selected();
		if (i == null || i.subscriberId() == null) {
			return null;
		}
		Held password = held.get(i.passwordSlipSubject());
		return password != null ? password : i.cardSerial() == null ? null : held.get(i.pinSlipSubject());
	}

	private void readReaders() {
		reader.removeAll();
		try {
			slots = readers.slots();
		} catch (CardAccessException e) {
			slots = List.of();
			say(Messages.cardProblem(e.reason()));
		}
		int blank = -1;
		for (CardSlot s : slots) {
			String card = !s.cardPresent() ? Messages.issue_reader_empty
					: s.initialized() ? NLS.bind(Messages.issue_reader_card, s.tokenLabel()) : Messages.issue_reader_blank;
			reader.add(s.reader() + " \u2014 " + card);
			if (blank < 0 && s.cardPresent() && !s.initialized()) {
				blank = reader.getItemCount() - 1;
			}
		}
		reader.select(Math.max(0, blank));
	}

	private void register() {
		Issuance i = selected();
		if (i == null) {
			return;
		}
		try {
			NewSubscriber s = registration.register(actor, i.request().id());
			held.put("subscriber:" + s.subscriberId(), new Held(SlipKind.WEBSITE_PASSWORD, "subscriber:" + s.subscriberId(),
					s.account(), i.request().applicantName(), i.address(), i.request().raUnit(), s.password()));
			say(NLS.bind(Messages.issue_registered, i.request().applicantName(), s.account()));
		} catch (ServiceException e) {
			say(Messages.refusal(e));
		}
		refresh();
	}

	private void personalize() {
		Issuance i = selected();
		int r = reader.getSelectionIndex();
		if (i == null || i.subscriberId() == null) {
			return;
		}
		if (r < 0 || r >= slots.size() || !slots.get(r).cardPresent()) {
			say(Messages.issue_no_card);
			return;
		}
		long slotId = slots.get(r).slotId();
		long subscriberId = i.subscriberId();
		String name = i.request().applicantName();
		String unit = i.request().raUnit();
		String address = i.address();
		Actor who = actor;
		busy = true;
		selectionChanged();
		progress.setSelection(0);
		say(NLS.bind(Messages.issue_personalizing, name));
		Job job = Job.create(Messages.issue_job, monitor -> {
			SubMonitor work = SubMonitor.convert(new ProgressInPart(monitor, progress, step), Messages.issue_job, 3);
			try {
				NewCard card = cards.personalize(who, subscriberId, slotId, s -> {
					work.subTask(Messages.text("issue_step_" + s));
					work.worked(1);
				});
				preview.getDisplay().asyncExec(() -> personalized(card, name, address, unit));
			} catch (ServiceException e) {
				preview.getDisplay().asyncExec(() -> {
					busy = false;
					progress.setSelection(0);
					step.setText("");
					say(e.reason() == ServiceException.Reason.CARD ? Messages.cardProblem(e.card()) : Messages.refusal(e));
					readReaders();
					refresh();
				});
			}
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
	}

	private void personalized(NewCard card, String name, String address, String unit) {
		busy = false;
		if (table.isDisposed()) {
			card.forget();
			return;
		}
		held.put("card:" + card.serial(), new Held(SlipKind.CARD_PIN, "card:" + card.serial(), card.serial(), name, address, unit,
				card.pin()));
		progress.setSelection(progress.getMaximum());
		step.setText(Messages.issue_step_done);
		say(NLS.bind(Messages.issue_personalized, card.serial(), name));
		readReaders();
		refresh();
	}

	private void print(SlipKind kind) {
		Issuance i = selected();
		if (i == null) {
			return;
		}
		String subject = kind == SlipKind.CARD_PIN ? i.pinSlipSubject() : i.passwordSlipSubject();
		Held slip = held.get(subject);
		if (slip == null) {
			say(kind == SlipKind.CARD_PIN ? Messages.issue_pin_gone : Messages.issue_password_gone);
			return;
		}
		SlipPrinting.Outcome printed = SlipPrinting.print(table.getShell(),
				kind == SlipKind.CARD_PIN ? Messages.issue_slip_pin : Messages.issue_slip_password, toSlip(slip, Instant.now()));
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
			// printed once: the secret leaves this screen whatever the service said
			Arrays.fill(slip.secret(), '\0');
			held.remove(subject);
		}
		refresh();
	}

	private Slip toSlip(Held h, Instant at) {
		String raName = intake.raUnits().stream().filter(u -> u.code().equals(h.raUnit())).findFirst()
				.map(RaUnit::nameZhTw).orElse(h.raUnit());
		return new Slip(h.kind() == SlipKind.CARD_PIN ? Slip.Kind.CARD_PIN : Slip.Kind.WEBSITE_PASSWORD, raName, h.recipient(),
				addressLines(h.address()), h.reference(), h.secret(), at);
	}

	/** The address as the envelope's window shows it: the postal code, then lines of at most 20 characters. */
	public static List<String> addressLines(String address) {
		List<String> lines = new java.util.ArrayList<>();
		String rest = address.strip();
		java.util.regex.Matcher code = java.util.regex.Pattern.compile("^(\\d{3,6})\\s*(.*)$").matcher(rest);
		if (code.matches()) {
			lines.add(code.group(1));
			rest = code.group(2);
		}
		while (!rest.isEmpty()) {
			int cut = rest.offsetByCodePoints(0, Math.min(20, rest.codePointCount(0, rest.length())));
			lines.add(rest.substring(0, cut));
			rest = rest.substring(cut);
		}
		return lines;
	}

	private void paintPreview(GC gc) {
		Rectangle area = preview.getClientArea();
		gc.setBackground(preview.getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.fillRectangle(area);
		Held h = previewed();
		if (h == null) {
			return;
		}
		SlipPainter.paint(gc, SlipLayout.of(toSlip(h, Instant.now())), area.width / SlipLayout.PAGE_WIDTH_MM, 0, 0,
				preview.getDisplay().getDPI().y, false);
	}

	private void handOver() {
		Issuance i = selected();
		if (i == null || i.cardSerial() == null) {
			return;
		}
		Delivery delivery = new Delivery(byMail.getSelection() ? Delivery.Method.MAIL : Delivery.Method.COUNTER,
				recipient.getText(), byMail.getSelection() ? tracking.getText() : "", readerSold.getSelection());
		try {
			issuance.handOver(actor, i.cardSerial(), delivery);
			say(NLS.bind(delivery.method() == Delivery.Method.MAIL ? Messages.issue_mailed : Messages.issue_handed_over,
					new Object[] { i.cardSerial(), delivery.recipient(), delivery.trackingNumber().toUpperCase(Locale.ROOT) }));
			tracking.setText("");
			readerSold.setSelection(false);
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
