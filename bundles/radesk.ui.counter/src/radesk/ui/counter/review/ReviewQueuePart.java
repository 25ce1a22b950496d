package radesk.ui.counter.review;

import java.time.Duration;
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
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.ReviewItem;
import radesk.core.registration.Channel;
import radesk.core.review.Decision;
import radesk.core.access.Actor;
import radesk.ui.common.Background;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;
import radesk.ui.counter.StaffScreen;

/**
 * 審核: the officer's queue of registration requests, oldest first, filtered by channel and age.
 * A request the officer took in shows why it cannot be decided here (dual control); the service
 * enforces it either way.
 */
public final class ReviewQueuePart extends StaffScreen {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Taipei"));
	private static final Channel[] CHANNELS = { null, Channel.COUNTER, Channel.POSTAL };
	private static final Duration[] AGES = { null, Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7) };

	private final RegistrationDesk desk;
	private final radesk.api.staff.CounterIntake intake;
	private radesk.ui.counter.UnitChoice unit;
	private Combo channel;
	private Combo age;
	private Table table;
	private Text reason;
	private Button approve;
	private Button reject;
	private Label outcome;
	private Label details;
	private List<ReviewItem> shown = List.of();
	private Button refresh;
	/** The queue is read again as the filters change: only the newest read is shown. */
	private final Background.Lane reads = new Background.Lane();

	@Inject
	public ReviewQueuePart(RegistrationDesk desk, radesk.api.staff.CounterIntake intake) {
		this.desk = desk;
		this.intake = intake;
	}

	@Override
	protected org.eclipse.swt.widgets.Control shown() {
		return table;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(8, false));
		unit = new radesk.ui.counter.UnitChoice(parent, "review.unit", intake, this::refresh);
		new Label(parent, SWT.NONE).setText(Messages.review_channel);
		channel = WidgetIds.name(new Combo(parent, SWT.READ_ONLY), "review.channel");
		channel.setItems(Messages.review_all, Messages.channel_COUNTER, Messages.channel_POSTAL);
		channel.select(0);
		new Label(parent, SWT.NONE).setText(Messages.review_age);
		age = WidgetIds.name(new Combo(parent, SWT.READ_ONLY), "review.age");
		age.setItems(Messages.review_all, Messages.review_age_1, Messages.review_age_3, Messages.review_age_7);
		age.select(0);
		refresh = WidgetIds.name(new Button(parent, SWT.PUSH), "review.refresh");
		refresh.setText(Messages.review_refresh);
		refresh.addListener(SWT.Selection, e -> refresh());
		channel.addListener(SWT.Selection, e -> refresh());
		age.addListener(SWT.Selection, e -> refresh());
		new Label(parent, SWT.NONE);

		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "review.table");
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 8, 1));
		String[] titles = { Messages.column_id, Messages.column_received, Messages.column_name, Messages.column_nationalId,
				Messages.column_raUnit, Messages.column_channel, Messages.review_column_entered_by };
		for (String title : titles) {
			new TableColumn(table, SWT.LEFT).setText(title);
		}
		table.addListener(SWT.Selection, e -> selectionChanged());

		details = WidgetIds.name(new Label(parent, SWT.WRAP), "review.details");
		details.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 8, 1));
		new Label(parent, SWT.NONE).setText(Messages.review_reason);
		reason = WidgetIds.name(new Text(parent, SWT.BORDER | SWT.SINGLE), "review.reason");
		reason.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
		approve = WidgetIds.name(new Button(parent, SWT.PUSH), "review.approve");
		approve.setText(Messages.review_approve);
		approve.addListener(SWT.Selection, e -> decide(true));
		reject = WidgetIds.name(new Button(parent, SWT.PUSH), "review.reject");
		reject.setText(Messages.review_reject);
		reject.addListener(SWT.Selection, e -> decide(false));
		outcome = WidgetIds.name(new Label(parent, SWT.WRAP), "review.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 8, 1));
		refresh();
	}

	@Override
	protected void refresh() {
		refresh(null);
	}

	/** Reads the queue again in a Job (only the newest read is shown); {@code said}, when given, is shown after it. */
	private void refresh(String said) {
		String unitCode = unit.code();
		Channel chosenChannel = CHANNELS[Math.max(0, channel.getSelectionIndex())];
		Duration chosenAge = AGES[Math.max(0, age.getSelectionIndex())];
		Actor who = actor;
		Background.of(table, Messages.text("job_review_queue")).in(reads).disabling(refresh, approve, reject)
				.run(() -> desk.queue(who, unitCode, chosenChannel, chosenAge), queue -> {
					show(queue);
					outcome.setText(said != null ? said : NLS.bind(Messages.review_count, queue.size()));
					selectionChanged();
				}, e -> {
					show(List.of());
					outcome.setText(Messages.refusal(e));
					selectionChanged();
				});
	}

	private void show(List<ReviewItem> queue) {
		shown = queue;
		table.removeAll();
		for (ReviewItem item : shown) {
			var r = item.request();
			new TableItem(table, SWT.NONE).setText(new String[] { Long.toString(r.id()), WHEN.format(r.receivedAt()),
					r.applicantName(), r.maskedNationalId(), r.raUnit(), Messages.text("channel_" + r.channel()),
					item.enteredByMe() ? Messages.review_entered_by_me : String.valueOf(item.submittedBy()) });
		}
		for (TableColumn c : table.getColumns()) {
			c.pack();
		}
	}

	private void selectionChanged() {
		int i = table.getSelectionIndex();
		boolean mine = i >= 0 && shown.get(i).enteredByMe();
		details.setText(i < 0 ? "" : details(shown.get(i).form()));
		approve.setEnabled(i >= 0 && !mine);
		reject.setEnabled(i >= 0 && !mine);
		if (mine) {
			outcome.setText(Messages.review_dual_control);
		}
		outcome.getParent().layout();
	}

	private void decide(boolean approved) {
		int i = table.getSelectionIndex();
		if (i < 0) {
			return;
		}
		ReviewItem item = shown.get(i);
		Decision decision;
		try {
			decision = approved ? Decision.approve() : Decision.reject(reason.getText());
		} catch (IllegalArgumentException e) {
			outcome.setText(Messages.review_reason_needed);
			reason.setFocus();
			return;
		}
		Actor who = actor;
		Background.of(table, Messages.text("job_decide")).user().disabling(approve, reject, table).run(() -> {
			desk.decide(who, item.request().id(), decision);
			return null;
		}, done -> {
			reason.setText("");
			refresh(NLS.bind(approved ? Messages.review_approved : Messages.review_rejected, item.request().id(),
					item.request().applicantName()));
		}, e -> {
			outcome.setText(Messages.refusal(e));
			selectionChanged();
		});
	}

	/** 檢附文件 and the rest of the form, for the officer to check against the papers. */
	private static String details(radesk.core.registration.WalkInForm f) {
		String documents = f.documents().isEmpty() ? "\u2014"
				: f.documents().stream().map(d -> Messages.text("document_" + d)).collect(java.util.stream.Collectors.joining(", "));
		String organization = f.isOrganization() ? f.organization() + " (" + f.businessNumber() + ")" : "\u2014";
		return NLS.bind(Messages.review_details, new Object[] { f.phone().isEmpty() ? "\u2014" : f.phone(),
				f.address().isEmpty() ? "\u2014" : f.address(), organization, documents });
	}
}
