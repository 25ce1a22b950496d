package radesk.ui.counter.forms;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.staff.FormDesk;
import radesk.flows.counter.CounterCardFlows;
import radesk.api.staff.FormDesk.FormItem;
import radesk.api.staff.IssuanceDesk;
import radesk.api.ServiceException;
import radesk.core.review.Decision;
import radesk.core.review.FormKind;
import radesk.core.review.FormState;
import radesk.core.revocation.RevocationReason;
import radesk.core.access.Actor;
import radesk.ui.common.Background;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;
import radesk.ui.counter.StaffScreen;

/**
 * 申請表單: the forms that change a card, an account or a certificate only after an officer
 * approved them — 晶片卡解鎖 (PIN unlock), 密碼重新設定 (website password reset) and 憑證廢止
 * (revocation). Counter and mailroom take them in; an officer decides (never the one who took it
 * in); an approved unlock or reset is carried out at the counter and its new slip printed at once.
 */
public final class FormsPart extends StaffScreen {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Taipei"));
	private static final FormKind[] KINDS = { FormKind.PIN_UNLOCK, FormKind.PASSWORD_RESET, FormKind.REVOCATION };
	private static final FormState[] STATES = { FormState.IN_REVIEW, FormState.APPROVED };

	private final FormDesk desk;
	private final CounterCardFlows cards;
	private final IssuanceDesk issuance;
	private Combo kind;
	private Text subject;
	private Combo reason;
	private Text note;
	private Label submitted;
	private Label count;
	private int batch;
	private Combo state;
	private Table table;
	private Text decisionReason;
	private Button approve;
	private Button reject;
	private Button carryOut;
	private Label outcome;
	private List<FormItem> shown = List.of();
	private Group form;
	private Button submit;
	private Button refreshButton;
	/** The list is read again as the state chosen changes: only the newest read is shown. */
	private final Background.Lane reads = new Background.Lane();

	@Inject
	public FormsPart(FormDesk desk, IssuanceDesk issuance, CounterCardFlows cards) {
		this.desk = desk;
		this.cards = cards;
		this.issuance = issuance;
	}

	@Override
	protected org.eclipse.swt.widgets.Control shown() {
		return table;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		form = new Group(parent, SWT.NONE);
		form.setText(Messages.forms_new_heading);
		form.setLayout(new GridLayout(2, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(form, SWT.NONE).setText(Messages.forms_kind);
		kind = WidgetIds.name(new Combo(form, SWT.READ_ONLY), "forms.kind");
		for (FormKind k : KINDS) {
			kind.add(Messages.text("forms_kind_" + k));
		}
		kind.select(0);
		subject = Forms.labelledText(form, Messages.forms_subject, "forms.subject", SWT.NONE, 280);
		new Label(form, SWT.NONE).setText(Messages.forms_reason);
		reason = WidgetIds.name(new Combo(form, SWT.READ_ONLY), "forms.reason");
		for (RevocationReason r : RevocationReason.values()) {
			reason.add(Messages.text("revocation_" + r));
		}
		note = Forms.labelledText(form, Messages.forms_note, "forms.note", SWT.NONE, 420);
		submit = WidgetIds.name(new Button(form, SWT.PUSH), "forms.submit");
		submit.setText(Messages.forms_submit);
		submit.addListener(SWT.Selection, e -> submit());
		submitted = WidgetIds.name(new Label(form, SWT.WRAP), "forms.submitted");
		submitted.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(form, SWT.NONE);
		count = WidgetIds.name(new Label(form, SWT.NONE), "forms.count");
		count.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		count.setText(NLS.bind(Messages.forms_count, 0));
		// the mailroom keys forms in one after another: Enter in a field takes the form in and starts the next
		for (org.eclipse.swt.widgets.Control field : new org.eclipse.swt.widgets.Control[] { subject, note, kind, reason }) {
			field.addListener(SWT.Traverse, e -> {
				if (e.detail == SWT.TRAVERSE_RETURN) {
					e.doit = false;
					e.detail = SWT.TRAVERSE_NONE;
					submit();
				}
			});
		}
		kind.addListener(SWT.Selection, e -> kindChanged());
		kindChanged();

		Group queue = new Group(parent, SWT.NONE);
		queue.setText(Messages.forms_queue_heading);
		queue.setLayout(new GridLayout(5, false));
		queue.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		new Label(queue, SWT.NONE).setText(Messages.forms_state);
		state = WidgetIds.name(new Combo(queue, SWT.READ_ONLY), "forms.state");
		state.setItems(Messages.forms_state_IN_REVIEW, Messages.forms_state_APPROVED);
		state.select(0);
		state.addListener(SWT.Selection, e -> refresh());
		refreshButton = WidgetIds.name(new Button(queue, SWT.PUSH), "forms.refresh");
		refreshButton.setText(Messages.review_refresh);
		refreshButton.addListener(SWT.Selection, e -> refresh());
		new Label(queue, SWT.NONE).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		table = WidgetIds.name(new Table(queue, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "forms.table");
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
		for (String title : new String[] { Messages.column_id, Messages.forms_kind, Messages.forms_subject, Messages.column_name,
				Messages.forms_reason, Messages.forms_note, Messages.review_column_entered_by, Messages.column_received }) {
			new TableColumn(table, SWT.LEFT).setText(title);
		}
		table.addListener(SWT.Selection, e -> selectionChanged());
		new Label(queue, SWT.NONE).setText(Messages.review_reason);
		decisionReason = WidgetIds.name(new Text(queue, SWT.BORDER), "forms.decisionReason");
		decisionReason.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		approve = button(queue, "forms.approve", Messages.review_approve);
		approve.addListener(SWT.Selection, e -> decide(true));
		reject = button(queue, "forms.reject", Messages.review_reject);
		reject.addListener(SWT.Selection, e -> decide(false));
		carryOut = button(queue, "forms.carryOut", Messages.forms_carry_out);
		carryOut.addListener(SWT.Selection, e -> carryOut());
		outcome = WidgetIds.name(new Label(queue, SWT.WRAP), "forms.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
		refresh();
	}

	private void kindChanged() {
		FormKind k = KINDS[kind.getSelectionIndex()];
		reason.setEnabled(k == FormKind.REVOCATION);
		subject.setMessage(Messages.text("forms_subject_hint_" + k));
	}

	/** Takes the form in, in a Job; the form is locked meanwhile (Enter again does not take it in twice). */
	private void submit() {
		if (!submit.isEnabled()) {
			return;
		}
		FormKind k = KINDS[kind.getSelectionIndex()];
		String typed = subject.getText();
		String typedNote = note.getText();
		int chosenReason = reason.getSelectionIndex();
		Actor who = actor;
		Background.of(submitted, Messages.text("job_form_submit")).user().disabling(submit, form).run(() -> switch (k) {
		case PIN_UNLOCK -> desk.submitPinUnlock(who, typed.strip().toUpperCase(java.util.Locale.ROOT), typedNote);
		case PASSWORD_RESET -> desk.submitPasswordReset(who, typed.strip(), typedNote);
		case REVOCATION -> {
			if (chosenReason < 0) {
				throw new ServiceException(ServiceException.Reason.INVALID_INPUT, "reason: missing");
			}
			yield desk.submitRevocation(who, typed, RevocationReason.values()[chosenReason], typedNote);
		}
		}, id -> {
			submitted.setText(NLS.bind(Messages.forms_submitted, Messages.text("forms_kind_" + k), id));
			batch++;
			count.setText(NLS.bind(Messages.forms_count, batch));
			subject.setText("");
			subject.setFocus();
			note.setText("");
			reason.deselectAll();
			submitted.getParent().layout();
			refresh();
		}, e -> {
			submitted.setText(Messages.refusal(e));
			submitted.getParent().layout();
		});
	}

	@Override
	protected void refresh() {
		refresh(null);
	}

	/** Reads the forms again in a Job (only the newest read is shown); {@code said}, when given, is shown after. */
	private void refresh(String said) {
		FormState chosen = STATES[state.getSelectionIndex()];
		Actor who = actor;
		Background.of(table, Messages.text("job_forms")).in(reads).disabling(refreshButton, approve, reject, carryOut)
				.run(() -> who == null ? List.<FormItem>of() : desk.forms(who, chosen), forms -> show(forms, said),
						e -> show(List.of(), Messages.refusal(e)));
	}

	private void show(List<FormItem> forms, String said) {
		shown = forms;
		table.removeAll();
		for (FormItem f : shown) {
			new TableItem(table, SWT.NONE).setText(new String[] { Long.toString(f.id()), Messages.text("forms_kind_" + f.kind()),
					f.subject(), f.holder(), f.reason() == null ? "" : Messages.text("revocation_" + f.reason()),
					f.note() == null ? "" : f.note(), f.enteredByMe() ? Messages.review_entered_by_me : f.submittedBy(),
					WHEN.format(f.receivedAt()) });
		}
		for (TableColumn c : table.getColumns()) {
			c.pack();
		}
		selectionChanged();
		if (said != null) {
			say(said);
		}
	}

	private FormItem selected() {
		int i = table.getSelectionIndex();
		return i < 0 || i >= shown.size() ? null : shown.get(i);
	}

	private void selectionChanged() {
		FormItem f = selected();
		boolean inReview = f != null && f.state() == FormState.IN_REVIEW;
		approve.setEnabled(inReview && !f.enteredByMe());
		reject.setEnabled(inReview && !f.enteredByMe());
		carryOut.setEnabled(f != null && f.state() == FormState.APPROVED && f.kind() != FormKind.REVOCATION);
		if (inReview && f.enteredByMe()) {
			say(Messages.review_dual_control);
		}
	}

	private void decide(boolean approved) {
		FormItem f = selected();
		if (f == null) {
			return;
		}
		Decision decision;
		try {
			decision = approved ? Decision.approve() : Decision.reject(decisionReason.getText());
		} catch (IllegalArgumentException e) {
			say(Messages.review_reason_needed);
			return;
		}
		Actor who = actor;
		Background.of(table, Messages.text("job_decide")).user().disabling(approve, reject, table).run(() -> {
			desk.decide(who, f.id(), decision);
			return Boolean.TRUE;
		}, decided -> {
			decisionReason.setText("");
			refresh(NLS.bind(approved ? (f.kind() == FormKind.REVOCATION ? Messages.forms_revoked : Messages.forms_approved)
					: Messages.forms_rejected, f.id(), f.holder()));
		}, e -> {
			say(Messages.refusal(e));
			selectionChanged();
		});
	}

	/** Carries out an approved unlock or reset and prints its new slip at once: the secret never waits anywhere. */
	private void carryOut() {
		FormItem f = selected();
		if (f == null) {
			return;
		}
		carryOut.setEnabled(false);
		new CarryOut(desk, cards, issuance).run(table.getShell(), actor, f, this::refresh);
	}

	private void say(String text) {
		outcome.setText(text);
		outcome.getParent().layout();
	}
}
