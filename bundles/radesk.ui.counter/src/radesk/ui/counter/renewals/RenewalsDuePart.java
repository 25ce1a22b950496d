package radesk.ui.counter.renewals;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.staff.CounterIntake;
import radesk.api.staff.NoticeDesk;
import radesk.core.access.Actor;
import radesk.ui.common.Background;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;
import radesk.ui.counter.StaffScreen;

/**
 * 展期到期: the certificates ending in a month (this one or one of the next 24), of one RA unit or all,
 * soonest first — who holds each, whether their address is confirmed, and the latest 憑證展期通知 —
 * so the counter can call those who have not renewed. The notices themselves are in 查詢's story.
 */
public final class RenewalsDuePart extends StaffScreen {

	private static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(TAIWAN);
	/** This month and the next 24: a subscriber's certificate is valid for two years. */
	private static final int MONTHS = 25;

	private final NoticeDesk desk;
	private final CounterIntake intake;
	private radesk.ui.counter.UnitChoice unit;
	private Combo month;
	private final List<YearMonth> months = new ArrayList<>();
	private Button refresh;
	private Table table;
	private Label outcome;
	private final Background.Lane reads = new Background.Lane();

	@Inject
	public RenewalsDuePart(NoticeDesk desk, CounterIntake intake) {
		this.desk = desk;
		this.intake = intake;
	}

	@Override
	protected Control shown() {
		return table;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(5, false));
		unit = new radesk.ui.counter.UnitChoice(parent, "renewals.unit", intake, this::refresh);
		new Label(parent, SWT.NONE).setText(Messages.text("renewals_month"));
		month = WidgetIds.name(new Combo(parent, SWT.READ_ONLY), "renewals.month");
		YearMonth now = YearMonth.now(TAIWAN);
		for (int i = 0; i < MONTHS; i++) {
			YearMonth m = now.plusMonths(i);
			months.add(m);
			month.add(NLS.bind(Messages.text("renewals_month_item"), String.valueOf(m.getYear()), String.format("%02d", m.getMonthValue())));
		}
		month.select(0);
		refresh = WidgetIds.name(new Button(parent, SWT.PUSH), "renewals.refresh");
		refresh.setText(Messages.review_refresh);
		refresh.addListener(SWT.Selection, e -> refresh());
		month.addListener(SWT.Selection, e -> refresh());

		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "renewals.table");
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
		for (String key : new String[] { "renewals_column_identifier", "renewals_column_ends", "renewals_column_name",
				"renewals_column_account", "renewals_column_unit", "renewals_column_email", "renewals_column_notice" }) {
			new TableColumn(table, SWT.LEFT).setText(Messages.text(key));
		}
		outcome = WidgetIds.name(new Label(parent, SWT.WRAP), "renewals.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
		refresh();
	}

	@Override
	protected void refresh() {
		String unitCode = unit.code() == null ? "" : unit.code();
		YearMonth chosen = months.get(Math.max(0, month.getSelectionIndex()));
		Actor who = actor;
		Background.of(table, Messages.text("job_renewals")).in(reads).disabling(refresh)
				.run(() -> desk.dueForRenewal(who, unitCode, chosen), this::show, e -> {
					table.removeAll();
					outcome.setText(Messages.refusal(e));
					outcome.getParent().layout();
				});
	}

	private void show(NoticeDesk.DueList list) {
		table.removeAll();
		for (NoticeDesk.DueForRenewal d : list.shown()) {
			String notice = d.stage() == 0 ? Messages.text("renewals_no_notice")
					: NLS.bind(Messages.text("notices_stage"), d.stage()) + " " + Messages.text("notice_state_" + d.noticeState());
			new TableItem(table, SWT.NONE).setText(new String[] { d.identifier(), DAY.format(d.notAfter()), d.name(), d.account(),
					d.raUnit(), (d.email() == null ? "" : d.email() + " ") + Messages.text("email_state_" + d.emailState()), notice });
		}
		for (TableColumn c : table.getColumns()) {
			c.pack();
		}
		outcome.setText(list.total() == 0 ? Messages.text("renewals_none")
				: list.total() > list.shown().size() ? NLS.bind(Messages.text("renewals_count_more"), list.total(), list.shown().size())
						: NLS.bind(Messages.text("renewals_count"), list.total()));
		outcome.getParent().layout();
	}
}
