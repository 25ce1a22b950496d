package radesk.ui.counter.intake;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import radesk.api.staff.CounterIntake;
import radesk.api.staff.RegistrationSummary;
import radesk.ui.common.Background;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/** The newest registration requests, ID numbers masked. */
final class RecentRequestsTable {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.of("Asia/Taipei"));

	private final Table table;
	private final Function<String, String> unitName;
	/** Read at each sign-in and after each form: only the newest read is shown. */
	private final Background.Lane reads = new Background.Lane();

	RecentRequestsTable(Composite parent, Function<String, String> unitName) {
		this.unitName = unitName;
		new Label(parent, SWT.NONE).setText(Messages.recent_heading);
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL), "intake.recent");
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		String[] titles = { Messages.column_id, Messages.column_received, Messages.column_name,
				Messages.column_nationalId, Messages.column_email, Messages.column_raUnit, Messages.column_channel,
				Messages.column_state };
		int[] widths = { 60, 140, 140, 120, 220, 140, 80, 90 };
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(widths[i]);
		}
	}

	/** Reads the newest {@code limit} requests in a Job (the newest read shown); a failure's words go to {@code failed}. */
	void read(CounterIntake intake, radesk.core.access.Actor who, int limit, Consumer<String> failed) {
		Background.of(table, Messages.text("job_recent")).in(reads)
				.onFailure(e -> failed.accept(NLS.bind(Messages.intake_store_failed, e.getMessage())))
				.run(() -> intake.recentRequests(who, limit), this::show, e -> {
				});
	}

	private void show(List<RegistrationSummary> requests) {
		table.removeAll();
		for (RegistrationSummary r : requests) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { Long.toString(r.id()), WHEN.format(r.receivedAt()), r.applicantName(),
					r.maskedNationalId(), r.email(), unitName.apply(r.raUnit()), Messages.text("channel_" + r.channel()),
					Messages.text("state_" + r.state()) });
		}
		for (TableColumn column : table.getColumns()) {
			int titleWidth = column.getWidth();
			column.pack();
			column.setWidth(Math.max(titleWidth, column.getWidth()));
		}
	}
}
